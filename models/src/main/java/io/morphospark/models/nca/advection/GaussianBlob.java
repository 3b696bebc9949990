package io.morphospark.models.nca.advection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The seed's unstructured starting states: exactly {@code cells} cells drawn without replacement
 * with probability ∝ a Gaussian of width σ around a randomly offset centre, by the Gumbel top-k
 * trick (the k largest log p + Gumbel noise are a sample without replacement).
 */
public final class GaussianBlob {
    private GaussianBlob() {
    }

    /** Offsets are uniform integers in ±maxOffset (clamped to a quarter of the grid); each cell holds mass / cells. */
    public static double[] sample(int height, int width, double mass, double density, double sigma, int maxOffset,
                                  SplittableRandom rng) {
        int cells = Formations.cells(mass, density);
        if (cells > height * width) {
            throw new IllegalArgumentException("a blob of " + cells + " cells does not fit a " + height + "x" + width + " grid");
        }
        int offset = Math.min(maxOffset, Math.min(height, width) / 4);
        double cy = height / 2 + rng.nextInt(-offset, offset + 1);
        double cx = width / 2 + rng.nextInt(-offset, offset + 1);
        double[] score = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double logP = -((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (2 * sigma * sigma);
                score[y * width + x] = logP + gumbel(rng);
            }
        }
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
        double[] field = new double[height * width];
        for (int k = 0; k < cells; k++) {
            field[order[k]] = mass / cells;
        }
        return field;
    }

    private static double gumbel(SplittableRandom rng) {
        double u = rng.nextDouble();
        return -Math.log(-Math.log(u + 1e-300) + 1e-300);
    }
}
