package io.morphospark.models.agents.metrics;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.metrics.InterfaceLength;

/**
 * Complexity of a pattern in [0, 1], low for both order and noise (after López-Ruiz, Mancini
 * and Calbet's entropy × disequilibrium). For each state s of a discrete frame (a continuous one
 * is thresholded at its mean), with p the fraction of pixels in s:
 * <pre>
 *   H = binary entropy of p (bits)                       0 for a uniform field
 *   ρ = interface fraction of the indicator / 2p(1 − p)   1 for independent noise, ≈ 0 for one big domain
 *   C_s = H · 4ρ(1 − ρ)
 * </pre>
 * and C = max_s C_s. Stripes or spots a few pixels wide give ρ ≈ 0.2–0.5 and C ≈ 0.6–1.
 */
public final class PatternComplexity {
    private PatternComplexity() {
    }

    public static double of(Frame f) {
        float[] v = f.values();
        if (!f.isDiscrete()) {
            double mean = 0;
            for (float x : v) {
                mean += x;
            }
            mean /= v.length;
            byte[] b = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                b[i] = (byte) (v[i] > mean ? 1 : 0);
            }
            return indicator(b, f.width(), f.height());
        }
        double best = 0;
        byte[] b = new byte[v.length];
        for (int s = 0; s < f.states(); s++) {
            for (int i = 0; i < v.length; i++) {
                b[i] = (byte) (v[i] == s ? 1 : 0);
            }
            best = Math.max(best, indicator(b, f.width(), f.height()));
        }
        return best;
    }

    /** C of one binary indicator field. */
    public static double indicator(byte[] b, int width, int height) {
        long ones = 0;
        for (byte x : b) {
            ones += x;
        }
        double p = ones / (double) b.length;
        if (p == 0 || p == 1) {
            return 0;
        }
        double h = -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
        double rho = Math.min(1, InterfaceLength.of(b, width, height) / (2 * p * (1 - p)));
        return h * 4 * rho * (1 - rho);
    }
}
