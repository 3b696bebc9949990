package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;

/** Damage for regeneration: zero every channel of the cells in a region of one grid [H, W, C]. */
public final class Damage {
    private Damage() {
    }

    /** The seed's test: zero rows and columns [from, to). */
    public static void square(INDArray grid, int from, int to) {
        int h = (int) grid.size(0);
        int w = (int) grid.size(1);
        if (from < 0 || to > Math.min(h, w) || from >= to) {
            throw new IllegalArgumentException("damage square [" + from + ":" + to + "] does not fit a " + h + "x" + w + " grid");
        }
        grid.get(NDArrayIndex.interval(from, to), NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(0.0);
    }

    /**
     * Distill's training damage: a disc with centre uniform in [−0.5, 0.5]² and radius uniform in
     * [0.1, 0.4], in coordinates where the grid spans [−1, 1]².
     */
    public static void randomDisc(INDArray grid, SplittableRandom rng) {
        int h = (int) grid.size(0);
        int w = (int) grid.size(1);
        double cx = rng.nextDouble(-0.5, 0.5);
        double cy = rng.nextDouble(-0.5, 0.5);
        double r = rng.nextDouble(0.1, 0.4);
        for (int y = 0; y < h; y++) {
            double py = h == 1 ? 0 : -1 + 2.0 * y / (h - 1);
            for (int x = 0; x < w; x++) {
                double px = w == 1 ? 0 : -1 + 2.0 * x / (w - 1);
                if ((px - cx) * (px - cx) + (py - cy) * (py - cy) < r * r) {
                    grid.get(NDArrayIndex.point(y), NDArrayIndex.point(x), NDArrayIndex.all()).assign(0.0);
                }
            }
        }
    }
}
