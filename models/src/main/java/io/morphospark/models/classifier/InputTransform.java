package io.morphospark.models.classifier;

import java.util.SplittableRandom;

/**
 * What turns stored frames into network input, the same in training, evaluation and prediction:
 * <ol>
 *   <li>normalisation to [0, 1]: a discrete frame of n states as state/(n−1) (binary frames stay 0/1),
 *       a continuous one by its own minimum and maximum (what its 16-bit quantisation stores);</li>
 *   <li>the side: a network with a fixed input side gets frames resized to it (bilinear); any other
 *       gets them as they are;</li>
 *   <li>in training only, augmentation: one of the 8 symmetries of the square and Gaussian
 *       observation noise of standard deviation {@code noise}, drawn from the sample's own counter-based
 *       stream, so a given (seed, epoch, sample) always sees the same input.</li>
 * </ol>
 */
public final class InputTransform {
    private InputTransform() {
    }

    /** Normalises a discrete frame of {@code states} states (≥ 2), in place. */
    public static float[] normaliseStates(float[] v, int states) {
        float scale = 1f / (states - 1);
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** Normalises a quantised continuous frame straight from its stored codes: (q + 32768)/65535 is (v − min)/(max − min). */
    public static float[] normaliseQuantised(short[] q) {
        float[] v = new float[q.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (q[i] + 32768) / 65535f;
        }
        return v;
    }

    /** Bilinear resize of one h×w frame to side×side (pixel centres aligned); the frame itself when it already is. */
    public static float[] resize(float[] v, int h, int w, int side) {
        if (h == side && w == side) {
            return v;
        }
        float[] out = new float[side * side];
        double sy = (double) h / side;
        double sx = (double) w / side;
        for (int y = 0; y < side; y++) {
            double fy = Math.max(0, Math.min(h - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(h - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < side; x++) {
                double fx = Math.max(0, Math.min(w - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(w - 1, x0 + 1);
                double tx = fx - x0;
                double top = v[y0 * w + x0] * (1 - tx) + v[y0 * w + x1] * tx;
                double bottom = v[y1 * w + x0] * (1 - tx) + v[y1 * w + x1] * tx;
                out[y * side + x] = (float) (top * (1 - ty) + bottom * ty);
            }
        }
        return out;
    }

    /**
     * Symmetry {@code s} (0–7: bit 2 mirrors left-right, bits 0–1 quarter turns clockwise) of a
     * {@code channels}×n×n sample; square frames only (a non-square one keeps its orientation).
     */
    public static float[] symmetry(float[] v, int channels, int h, int w, int s) {
        if (s == 0 || h != w) {
            return v;
        }
        int n = h;
        float[] out = new float[v.length];
        for (int c = 0; c < channels; c++) {
            int base = c * n * n;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int sx = (s & 4) != 0 ? n - 1 - x : x;
                    int sy = y;
                    for (int t = 0; t < (s & 3); t++) { // rotate the source coordinate a quarter turn
                        int tmp = sx;
                        sx = sy;
                        sy = n - 1 - tmp;
                    }
                    out[base + y * n + x] = v[base + sy * n + sx];
                }
            }
        }
        return out;
    }

    /** The training input of a sample: a random symmetry (when {@code symmetries}) and noise, from {@code random}. */
    public static PatternSample augment(PatternSample s, boolean symmetries, double noise, SplittableRandom random) {
        float[] v = symmetries ? symmetry(s.values(), s.channels(), s.height(), s.width(), random.nextInt(8)) : s.values();
        if (noise > 0) {
            v = v == s.values() ? v.clone() : v;
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (noise * random.nextGaussian());
            }
        }
        return new PatternSample(s.id(), s.label(), s.channels(), s.height(), s.width(), v);
    }
}
