package io.morphospark.models.discovery;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * A centroidal Voronoi tessellation of [0, 1]^d (Vassiliades et al. 2018): {@code cells} centroids
 * from Lloyd's k-means over uniform samples drawn from the run's stream, so the same seed gives
 * the same cells everywhere; a descriptor belongs to its nearest centroid.
 */
public record CvtLayout(double[][] centroids) implements CellLayout {
    /** Samples per centroid and Lloyd iterations: enough for even cells at a few hundred cells. */
    static final int SAMPLES_PER_CELL = 50;
    static final int ITERATIONS = 20;
    public static final int MAX_CELLS = 1000;

    public static CvtLayout of(int cells, int dimension, long seed) {
        if (cells < 1) {
            throw new IllegalArgumentException("a CVT archive needs at least 1 cell, got " + cells);
        }
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("a CVT archive of " + cells + " cells is too large (at most " + MAX_CELLS
                    + ": k-means over " + SAMPLES_PER_CELL + " samples per cell costs cells² per iteration)");
        }
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.SELECTION, -1);
        double[][] samples = new double[cells * SAMPLES_PER_CELL][dimension];
        for (double[] s : samples) {
            for (int j = 0; j < dimension; j++) {
                s[j] = rng.nextDouble();
            }
        }
        double[][] c = new double[cells][];
        for (int i = 0; i < cells; i++) {
            c[i] = samples[i].clone();
        }
        CvtLayout layout = new CvtLayout(c);
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] sum = new double[cells][dimension];
            int[] count = new int[cells];
            for (double[] s : samples) {
                int k = layout.cellOf(s);
                count[k]++;
                for (int j = 0; j < dimension; j++) {
                    sum[k][j] += s[j];
                }
            }
            for (int k = 0; k < cells; k++) {
                if (count[k] > 0) {
                    for (int j = 0; j < dimension; j++) {
                        c[k][j] = sum[k][j] / count[k];
                    }
                }
            }
        }
        return layout;
    }

    @Override
    public int cells() {
        return centroids.length;
    }

    @Override
    public int cellOf(double[] d) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < centroids.length; k++) {
            double dist = 0;
            for (int j = 0; j < d.length; j++) {
                double t = Genome.clamp(d[j]) - centroids[k][j];
                dist += t * t;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = k;
            }
        }
        return best;
    }

    @Override
    public double[] centre(int cell) {
        return centroids[cell].clone();
    }

    @Override
    public String describe() {
        return "cvt " + centroids.length;
    }
}
