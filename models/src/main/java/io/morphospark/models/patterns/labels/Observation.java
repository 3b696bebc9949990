package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.Frame;

import java.util.SplittableRandom;

/**
 * What separates a simulated frame from an observed one: one of the 8 symmetries of the square
 * (rotation by a multiple of 90°, optionally mirrored) and observation noise, so that a
 * classifier cannot key on orientation or on perfectly clean fields. Noise respects the frame's
 * kind: continuous fields get Gaussian noise of sd {@code level}; binary cells flip with
 * probability {@code level}; many-state cells step one state up or down with probability
 * {@code level} (a small phase error, which is what a noisy reading of a cyclic phase is).
 */
public final class Observation {
    private Observation() {
    }

    /** Applies symmetry {@code symmetry} ∈ [0, 8): bit 2 mirrors x, bits 0–1 rotate by 90° steps. */
    public static Frame transform(Frame f, int symmetry) {
        if (symmetry < 0 || symmetry >= 8) {
            throw new IllegalArgumentException("symmetry must be in [0, 8), got " + symmetry);
        }
        int w = f.width();
        int h = f.height();
        int turns = symmetry & 3;
        boolean mirror = (symmetry & 4) != 0;
        if (w != h && turns != 0) {
            throw new IllegalArgumentException("quarter turns need a square frame, got " + w + " × " + h);
        }
        float[] in = f.values();
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x;
                int sy = y;
                for (int t = 0; t < turns; t++) {
                    int nx = w - 1 - sy;
                    sy = sx;
                    sx = nx;
                }
                if (mirror) {
                    sx = w - 1 - sx;
                }
                out[y * w + x] = in[sy * w + sx];
            }
        }
        return new Frame(w, h, f.states(), f.cyclic(), out);
    }

    public static Frame noise(Frame f, double level, SplittableRandom rng) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("noise level must lie in [0, 1], got " + level);
        }
        float[] v = f.values().clone();
        for (int i = 0; i < v.length; i++) {
            if (!f.isDiscrete()) {
                v[i] += (float) (level * rng.nextGaussian());
            } else if (rng.nextDouble() < level) {
                if (f.states() == 2) {
                    v[i] = 1 - v[i];
                } else {
                    int step = rng.nextBoolean() ? 1 : -1;
                    v[i] = f.cyclic() ? Math.floorMod((int) v[i] + step, f.states())
                            : Math.max(0, Math.min(f.states() - 1, (int) v[i] + step));
                }
            }
        }
        return new Frame(f.width(), f.height(), f.states(), f.cyclic(), v);
    }
}
