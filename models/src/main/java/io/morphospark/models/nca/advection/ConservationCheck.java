package io.morphospark.models.nca.advection;

import java.util.SplittableRandom;

/**
 * How well a transport keeps total mass: relative error |Σm_end − Σm_start| / Σm_start after many
 * steps under random or adversarial velocity fields (what the tests assert and
 * {@code morphospark bench advection} reports).
 */
public final class ConservationCheck {
    private ConservationCheck() {
    }

    /** Fresh uniform velocities in [−1, 1]² every step, from the stream {@code rng}. */
    public static double randomVelocities(Transport transport, double[] start, int steps, SplittableRandom rng) {
        double[] m = start;
        for (int t = 0; t < steps; t++) {
            double[] vx = new double[m.length];
            double[] vy = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                vx[i] = rng.nextDouble(-1, 1);
                vy[i] = rng.nextDouble(-1, 1);
            }
            m = transport.apply(m, vx, vy);
        }
        return relativeError(start, m);
    }

    /** A fixed velocity field. */
    public static double fixedField(Transport transport, double[] start, double[][] velocity, int steps) {
        double[] m = start;
        for (int t = 0; t < steps; t++) {
            m = transport.apply(m, velocity[0], velocity[1]);
        }
        return relativeError(start, m);
    }

    /** The reference's clip rule under a fixed field, {@code subSteps} passes of dt per step: the fraction of mass lost. */
    public static double referenceClipLoss(double[] start, double[][] velocity, int steps, int subSteps, double dt,
                                           int height, int width) {
        double[] m = start;
        for (int t = 0; t < steps * subSteps; t++) {
            m = ReferenceClipRule.pass(m, velocity[0], velocity[1], dt, height, width);
        }
        return 1 - Transport.total(m) / Transport.total(start);
    }

    /** Unit vectors toward ({@code sign} +1, converging) or away from (−1, diverging) the grid centre. */
    public static double[][] radialField(int height, int width, double sign) {
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

    /** A centred square block of density 1, {@code side} cells wide. */
    public static double[] block(int height, int width, int side) {
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

    public static double relativeError(double[] before, double[] after) {
        double b = Transport.total(before);
        return Math.abs(Transport.total(after) - b) / b;
    }
}
