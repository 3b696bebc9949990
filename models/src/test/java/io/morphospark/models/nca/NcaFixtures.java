package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.SplittableRandom;

/** Random states and parameters (non-zero last layer, so every parameter has a gradient). */
final class NcaFixtures {
    private NcaFixtures() {
    }

    static NcaParameters randomParameters(NcaConfig c, long seed, DataType type) {
        SplittableRandom r = new SplittableRandom(seed);
        return NcaParameters.of(c, uniform(r, c.features() * c.hidden(), 0.15), uniform(r, c.hidden(), 0.15),
                uniform(r, c.hidden() * c.channels(), 0.1), uniform(r, c.channels(), 0.05), type);
    }

    /** Values in ±1, alpha mostly below the threshold so that some cells are dead, some alive, some die this step. */
    static double[][][] randomGrid(NcaConfig c, int h, int w, SplittableRandom r) {
        double[][][] g = new double[h][w][c.channels()];
        for (double[][] row : g) {
            for (double[] cell : row) {
                for (int k = 0; k < cell.length; k++) {
                    cell[k] = k != NcaConfig.ALPHA ? r.nextDouble(-1, 1)
                            : r.nextDouble() < 0.15 ? r.nextDouble(0.1, 0.5) : r.nextDouble(0, 0.05);
                }
            }
        }
        return g;
    }

    private static double[] uniform(SplittableRandom r, int n, double bound) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-bound, bound);
        }
        return v;
    }
}
