package io.morphospark.models.nca.advection;

/**
 * How the advection NCA trains. {@link #SEED} is the seed notebook's: pool 256, 64 steps, batch 8
 * with 4 accumulated batches per update, Adam 2e-3 with warm-up 200 and cosine decay to step 4000,
 * gradient-norm clip 1.0, fire rate 0.5, loss = mass MSE + 0.1 · velocity alignment, no refresh.
 *
 * @param refresh how many samples of each batch are replaced in the pool, after write-back, by
 *                fresh starting states (0 in the seed, whose pool then holds only states in motion)
 */
public record AdvectionRecipe(int poolSize, int batch, int accumulation, int steps, double learningRate, int warmup,
                              int decay, double clipNorm, double fireRate, double velocityWeight, int refresh) {
    public static final AdvectionRecipe SEED = new AdvectionRecipe(256, 8, 4, 64, 2e-3, 200, 4000, 1.0, 0.5, 0.1, 0);

    public AdvectionRecipe {
        require(poolSize >= 1, "pool size must be at least 1, got " + poolSize);
        require(batch >= 1 && batch <= poolSize, "batch must be in 1..pool size, got " + batch);
        require(accumulation >= 1, "accumulation must be at least 1, got " + accumulation);
        require(steps >= 1, "steps must be at least 1, got " + steps);
        require(clipNorm > 0, "gradient clip norm must be positive, got " + clipNorm);
        require(fireRate > 0 && fireRate <= 1, "fire rate must be in (0, 1], got " + fireRate);
        require(velocityWeight >= 0 && Double.isFinite(velocityWeight), "velocity weight must be >= 0, got " + velocityWeight);
        require(refresh >= 0 && refresh <= batch, "refreshed samples must be in 0..batch, got " + refresh);
        schedule(learningRate, warmup, decay);
    }

    public WarmupCosineSchedule schedule() {
        return schedule(learningRate, warmup, decay);
    }

    private static WarmupCosineSchedule schedule(double learningRate, int warmup, int decay) {
        return new WarmupCosineSchedule(learningRate, warmup, decay);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
