package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the training batch loss hides: grown from a single seed cell, how far is the CA from the
 * target after a number of steps. A pool-trained CA can keep the pool's grown patterns (low batch
 * loss) while no longer growing from the seed, or drift after the training horizon; this catches both.
 */
public final class SeedGrowthScore {
    private SeedGrowthScore() {
    }

    /** RGBA MSE after {@code steps} steps from the seed; fire masks keyed by {@code seed} below fire rate 1. */
    public static double mse(NcaParameters parameters, Target target, NcaEngine.Kind engine, double fireRate, long seed,
                             int steps) {
        return mse(NcaEngine.create(engine, parameters, fireRate, seed, true), parameters.config(), target, 0, steps);
    }

    /** The same on a given engine, its fire masks keyed by {@code run}. */
    public static double mse(NcaEngine ca, NcaConfig config, Target target, long run, int steps) {
        INDArray start = Seeds.seed(config, 1, target.height(), target.width(), DataType.FLOAT);
        INDArray grown = ca.run(start, run, 0, steps, Integer.MAX_VALUE, null);
        return new RgbaLoss(target).perSample(grown)[0];
    }
}
