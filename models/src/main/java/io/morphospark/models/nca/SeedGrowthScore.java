package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * What the training batch loss hides: grown from a single seed cell, how far is the CA from the
 * target after a number of steps. A pool-trained CA can keep the pool's grown patterns (low batch
 * loss) while no longer growing from the seed, or drift after the training horizon; this catches both.
 */
public final class SeedGrowthScore {
    private SeedGrowthScore() {
    }

    /** RGBA MSE after {@code steps} steps from the seed on a given engine, its fire masks keyed by {@code run}. */
    public static double mse(NcaEngine ca, NcaConfig config, Target target, long run, int steps) {
        return perGrowth(ca, config, target, run, steps, 1)[0];
    }

    /**
     * RGBA MSE after {@code steps} steps from the seed, fire masks keyed by {@code seed} below fire
     * rate 1: the mean over {@code growths} growths that differ only in their fire masks. One
     * stochastic growth is a noisy score (a CA that holds the pattern in three growths of four can
     * score anywhere between 0.02 and 0.2), too noisy to pick the best epoch by. At fire rate 1 every
     * growth is the same, so one is grown.
     */
    public static double meanMse(NcaParameters parameters, Target target, NcaEngine.Kind engine, double fireRate,
                                 long seed, int steps, int growths) {
        if (growths < 1) {
            throw new IllegalArgumentException("growths must be at least 1, got " + growths);
        }
        int n = fireRate >= 1 ? 1 : growths;
        double[] mse = perGrowth(NcaEngine.create(engine, parameters, fireRate, seed, true), parameters.config(),
                target, 0, steps, n);
        return Arrays.stream(mse).average().orElseThrow();
    }

    private static double[] perGrowth(NcaEngine ca, NcaConfig config, Target target, long run, int steps, int growths) {
        INDArray start = Seeds.seed(config, growths, target.height(), target.width(), DataType.FLOAT);
        INDArray grown = ca.run(start, run, 0, steps, Integer.MAX_VALUE, null);
        return new RgbaLoss(target).perSample(grown);
    }
}
