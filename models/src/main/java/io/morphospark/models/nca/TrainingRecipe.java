package io.morphospark.models.nca;

/**
 * Hyper-parameters of pool-based training. {@link #SEED} is the seed notebook's recipe: pool 256,
 * batch 4, U{64..95} steps, Adam lr 2e-3, gradient-norm clip 1.0, fire rate 0.5.
 *
 * @param damaged in regeneration training, how many of the batch's best samples get a random disc of damage
 */
public record TrainingRecipe(int poolSize, int batch, int minSteps, int maxSteps, double learningRate,
                             double clipNorm, double fireRate, boolean regeneration, int damaged) {
    public static final TrainingRecipe SEED = new TrainingRecipe(256, 4, 64, 95, 2e-3, 1.0, 0.5, false, 1);

    public TrainingRecipe {
        require(poolSize >= 1, "pool size must be at least 1, got " + poolSize);
        require(batch >= 1 && batch <= poolSize, "batch must be in 1..pool size, got " + batch);
        require(minSteps >= 1 && maxSteps >= minSteps, "steps must satisfy 1 <= min <= max, got " + minSteps + ".." + maxSteps);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(clipNorm > 0, "gradient clip norm must be positive, got " + clipNorm);
        require(fireRate > 0 && fireRate <= 1, "fire rate must be in (0, 1], got " + fireRate);
        require(damaged >= 0 && damaged < batch, "damaged samples must be in 0..batch-1, got " + damaged);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public TrainingRecipe withRegeneration(boolean on) {
        return new TrainingRecipe(poolSize, batch, minSteps, maxSteps, learningRate, clipNorm, fireRate, on, damaged);
    }
}
