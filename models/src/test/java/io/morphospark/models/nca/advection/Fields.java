package io.morphospark.models.nca.advection;

import java.util.SplittableRandom;

/** Velocity and mass fields for transport tests. */
final class Fields {
    private Fields() {
    }

    /** Unit vectors toward (sign +1) or away from (−1) the grid centre. */
    static double[][] radial(int height, int width, double sign) {
        double[] vx = new double[height * width];
        double[] vy = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = width / 2.0 - (x + 0.5);
                double dy = height / 2.0 - (y + 0.5);
                double n = Math.hypot(dx, dy) + 1e-12;
                vx[y * width + x] = sign * dx / n;
                vy[y * width + x] = sign * dy / n;
            }
        }
        return new double[][] {vx, vy};
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(lo, hi);
        }
        return v;
    }

    /** A square block of density 1, {@code side} cells wide, centred. */
    static double[] block(int height, int width, int side) {
        double[] m = new double[height * width];
        int y0 = height / 2 - side / 2;
        int x0 = width / 2 - side / 2;
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                m[y * width + x] = 1;
            }
        }
        return m;
    }

    static double relativeError(double[] before, double[] after) {
        double b = Transport.total(before);
        return Math.abs(Transport.total(after) - b) / b;
    }
}
