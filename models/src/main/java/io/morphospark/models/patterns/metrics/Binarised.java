package io.morphospark.models.patterns.metrics;

import io.morphospark.models.patterns.Frame;

/**
 * The on/off reading of a frame that the binary metrics (mass, fate entropy, interface length)
 * use: two-state frames as they are; many-state frames split at half the state range (the
 * "first half of the cycle" of an automaton, the second cell type of the Potts model);
 * continuous fields above their mean, which needs no per-model threshold.
 */
public final class Binarised {
    private Binarised() {
    }

    public static byte[] of(Frame f) {
        float[] v = f.values();
        byte[] b = new byte[v.length];
        double threshold;
        if (f.isDiscrete()) {
            threshold = f.states() == 2 ? 0.5 : f.states() / 2.0;
        } else {
            double sum = 0;
            for (float x : v) {
                sum += x;
            }
            threshold = sum / v.length;
        }
        for (int i = 0; i < v.length; i++) {
            // Continuous: strictly above the mean, so that a constant field is all off.
            b[i] = (byte) ((f.isDiscrete() ? v[i] >= threshold : v[i] > threshold) ? 1 : 0);
        }
        return b;
    }

    public static float[] asFloats(byte[] b) {
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = b[i];
        }
        return f;
    }

    public static double mass(byte[] b) {
        long on = 0;
        for (byte x : b) {
            on += x;
        }
        return (double) on / b.length;
    }
}
