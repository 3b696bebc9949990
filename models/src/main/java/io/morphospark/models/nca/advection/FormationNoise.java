package io.morphospark.models.nca.advection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The seed's damaged formations: shift, rotation, erosion, dilation, holes and (sometimes) a
 * fragmenting cut, with probabilities scaled by an intensity in [0, 1] (0.3 light, 0.7 heavy);
 * then cells are added next to the formation or taken from its edges until it holds exactly the
 * clean formation's cell count again, so the mass is renormalised exactly.
 */
public final class FormationNoise {
    private static final int MAX_SHIFT = 8;
    private static final double MAX_ROTATION = 0.3;

    private FormationNoise() {
    }

    /** A noisy copy of the mass field {@code clean} (cells holding equal mass), with the same total. */
    public static double[] apply(double[] clean, int height, int width, double intensity, SplittableRandom rng) {
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("noise intensity must be in [0, 1], got " + intensity);
        }
        double value = 0;
        int cells = 0;
        for (double v : clean) {
            if (v > 0) {
                value = v;
                cells++;
            }
        }
        boolean[] on = new boolean[clean.length];
        for (int i = 0; i < on.length; i++) {
            on[i] = clean[i] > 0;
        }
        Grid g = new Grid(height, width);
        int shift = Math.min(MAX_SHIFT, Math.min(height, width) / 6);
        on = g.shift(on, rng.nextInt(-shift, shift + 1), rng.nextInt(-shift, shift + 1));
        double angle = rng.nextDouble(-MAX_ROTATION, MAX_ROTATION);
        if (Math.abs(angle) > 0.05) {
            on = g.rotate(on, angle);
        }
        int erosions = rng.nextInt(1, 4);
        for (int r = 0; r < erosions; r++) {
            double[] n = g.neighbourMean(on);
            boolean[] next = on.clone();
            for (int i = 0; i < on.length; i++) {
                if (on[i] && n[i] < 0.75 && rng.nextDouble() < intensity * 0.4) {
                    next[i] = false;
                }
            }
            on = next;
        }
        int dilations = rng.nextInt(1, 4);
        for (int r = 0; r < dilations; r++) {
            double[] n = g.neighbourMean(on);
            boolean[] next = on.clone();
            for (int i = 0; i < on.length; i++) {
                if (!on[i] && n[i] > 0.25 && rng.nextDouble() < intensity * 0.3) {
                    next[i] = true;
                }
            }
            on = next;
        }
        for (int i = 0; i < on.length; i++) {
            if (on[i] && rng.nextDouble() < intensity * 0.15) {
                on[i] = false; // holes
            }
        }
        if (rng.nextDouble() < intensity * 0.3) {
            on = g.cut(on, rng.nextDouble(0, Math.PI), rng.nextDouble(-5, 5));
        }
        on = g.renormalise(on, clean, cells, rng);
        double[] out = new double[clean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = on[i] ? value : 0;
        }
        return out;
    }

    /** Boolean-grid operations, zero outside the grid. */
    private record Grid(int height, int width) {
        boolean get(boolean[] on, int y, int x) {
            return y >= 0 && y < height && x >= 0 && x < width && on[y * width + x];
        }

        /** Moves every cell by (dy, dx); what leaves the grid is lost (and restored by renormalising). */
        boolean[] shift(boolean[] on, int dy, int dx) {
            boolean[] out = new boolean[on.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = get(on, y - dy, x - dx);
                }
            }
            return out;
        }

        /** Nearest-neighbour rotation about the grid centre. */
        boolean[] rotate(boolean[] on, double angle) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double cy = height / 2;
            double cx = width / 2;
            boolean[] out = new boolean[on.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sy = cos * (y - cy) + sin * (x - cx) + cy;
                    double sx = -sin * (y - cy) + cos * (x - cx) + cx;
                    out[y * width + x] = get(on, (int) Math.round(sy), (int) Math.round(sx));
                }
            }
            return out;
        }

        /** Mean of the 4 neighbours (0 or 1 each). */
        double[] neighbourMean(boolean[] on) {
            double[] n = new double[on.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int s = (get(on, y - 1, x) ? 1 : 0) + (get(on, y + 1, x) ? 1 : 0) + (get(on, y, x - 1) ? 1 : 0)
                            + (get(on, y, x + 1) ? 1 : 0);
                    n[y * width + x] = s / 4.0;
                }
            }
            return n;
        }

        /** Clears a band 4 cells wide through the grid centre (shifted by offset) at the given angle. */
        boolean[] cut(boolean[] on, double angle, double offset) {
            boolean[] out = on.clone();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d = (y - height / 2) * Math.cos(angle) + (x - width / 2) * Math.sin(angle) + offset;
                    if (Math.abs(d) < 2) {
                        out[y * width + x] = false;
                    }
                }
            }
            return out;
        }

        /**
         * Exactly {@code cells} cells: grows from the cells with most occupied neighbours (small
         * random tie-breaks) or removes the most exposed ones; an emptied grid restarts from clean.
         */
        boolean[] renormalise(boolean[] on, double[] clean, int cells, SplittableRandom rng) {
            boolean[] out = on.clone();
            int count = count(out);
            if (count == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = clean[i] > 0;
                }
                return out;
            }
            while (count != cells) {
                double[] n = neighbourMean(out);
                double[] score = new double[out.length];
                boolean grow = count < cells;
                int candidates = 0;
                for (int i = 0; i < out.length; i++) {
                    boolean eligible = grow ? !out[i] && n[i] > 0 : out[i];
                    score[i] = eligible ? (grow ? n[i] : 1 - n[i]) + 0.01 * rng.nextDouble() : Double.NEGATIVE_INFINITY;
                    candidates += eligible ? 1 : 0;
                }
                int change = Math.min(Math.abs(cells - count), candidates);
                Integer[] order = IntStream.range(0, out.length).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
                for (int k = 0; k < change; k++) {
                    out[order[k]] = grow;
                }
                count = count(out);
            }
            return out;
        }

        private static int count(boolean[] on) {
            int c = 0;
            for (boolean b : on) {
                c += b ? 1 : 0;
            }
            return c;
        }
    }
}
