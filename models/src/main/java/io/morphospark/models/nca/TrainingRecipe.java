package io.morphospark.models.nca;

/**
 * Hyper-parameters of pool-based training. {@link #SEED} is the seed notebook's recipe: pool 256,
 * batch 4, U{64..95} steps, Adam lr 2e-3, gradient-norm clip 1.0, fire rate 0.5.
 *
 * @param gradient     how the raw gradient is conditioned before Adam (the seed clips, Distill normalises)
 * @param lrDropEpoch  from this epoch on the learning rate is a tenth (Distill: 2000); 0 = never
 * @param damaged      in regeneration training, how many of the batch's best samples get a random disc of damage
 * @param reseed       when the batch's worst sample becomes a fresh seed (and its best ones are damaged)
 */
public record TrainingRecipe(int poolSize, int batch, int minSteps, int maxSteps, double learningRate,
                             double clipNorm, GradientMode gradient, int lrDropEpoch, double fireRate,
                             boolean regeneration, int damaged, Reseed reseed) {
    public static final TrainingRecipe SEED =
            new TrainingRecipe(256, 4, 64, 95, 2e-3, 1.0, GradientMode.CLIP, 0, 0.5, false, 1);

    /** What happens to the gradient between backprop and Adam. */
    public enum GradientMode {
        /** torch.nn.utils.clip_grad_norm_ over all parameters at {@link #clipNorm} (the seed). */
        CLIP,
        /** g / (‖g‖ + 1e-8) for each weight and bias separately (Distill's growing-NCA notebook). */
        NORMALISE;

        public static GradientMode parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "clip" -> CLIP;
                case "normalise", "normalize" -> NORMALISE;
                default -> throw new IllegalArgumentException("gradient mode must be clip or normalise, got '" + s + "'");
            };
        }
    }

    /** When pool training plants a fresh seed. */
    public enum Reseed {
        /**
         * The seed notebook: after the step, the batch's worst sample is replaced by the seed in the
         * pool (and regeneration damages the best ones there), to be drawn in a later batch.
         */
        AFTER,
        /**
         * Distill: before the step, the batch ranked by loss has its worst sample replaced by the
         * seed (and regeneration damages its best ones), so every batch grows one seed.
         */
        BEFORE;

        public static Reseed parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "after" -> AFTER;
                case "before" -> BEFORE;
                default -> throw new IllegalArgumentException("reseed must be after or before, got '" + s + "'");
            };
        }
    }

    /** The seed notebook's reseeding (after the step). */
    public TrainingRecipe(int poolSize, int batch, int minSteps, int maxSteps, double learningRate, double clipNorm,
                          GradientMode gradient, int lrDropEpoch, double fireRate, boolean regeneration, int damaged) {
        this(poolSize, batch, minSteps, maxSteps, learningRate, clipNorm, gradient, lrDropEpoch, fireRate, regeneration,
                damaged, Reseed.AFTER);
    }

    public TrainingRecipe {
        require(poolSize >= 1, "pool size must be at least 1, got " + poolSize);
        require(batch >= 1 && batch <= poolSize, "batch must be in 1..pool size, got " + batch);
        require(minSteps >= 1 && maxSteps >= minSteps, "steps must satisfy 1 <= min <= max, got " + minSteps + ".." + maxSteps);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(clipNorm > 0, "gradient clip norm must be positive, got " + clipNorm);
        require(gradient != null, "gradient mode must be given");
        require(lrDropEpoch >= 0, "learning-rate drop epoch must be >= 0 (0 = never), got " + lrDropEpoch);
        require(fireRate > 0 && fireRate <= 1, "fire rate must be in (0, 1], got " + fireRate);
        require(damaged >= 0, "damaged samples must be >= 0, got " + damaged);
        // only regeneration damages: the batch's worst sample becomes a seed, so at most batch - 1 can be damaged
        require(!regeneration || damaged < batch, "regeneration damages the batch's " + damaged + " best sample(s) and "
                + "seeds its worst, so it needs a batch of at least " + (damaged + 1) + ", got " + batch);
        require(reseed != null, "reseed must be given");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The learning rate Adam uses at {@code epoch}. */
    public double learningRate(int epoch) {
        return lrDropEpoch > 0 && epoch >= lrDropEpoch ? learningRate * 0.1 : learningRate;
    }

    public TrainingRecipe withRegeneration(boolean on) {
        return new TrainingRecipe(poolSize, batch, minSteps, maxSteps, learningRate, clipNorm, gradient, lrDropEpoch,
                fireRate, on, damaged, reseed);
    }
}
