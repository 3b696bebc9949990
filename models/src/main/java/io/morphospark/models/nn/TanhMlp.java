package io.morphospark.models.nn;

import io.morphospark.models.random.TruncatedNormal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A small fully connected network in → hidden… → out with tanh hidden layers and a linear output,
 * evaluated in float32 on a batch of points at once (structure of arrays, so the inner loops run
 * over the batch and vectorise).
 *
 * <p>The flat parameter vector follows Flax's leaf order for {@code nn.Dense} layers: for each
 * layer its bias (out) then its kernel (in × out, row-major), so vectors exchange with the seed's
 * JAX code unchanged.
 */
public final class TanhMlp implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] widths;

    public TanhMlp(int inputs, int[] hidden, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("network inputs and outputs must be at least 1");
        }
        widths = new int[hidden.length + 2];
        widths[0] = inputs;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden layer widths must be at least 1, got " + hidden[i]);
            }
            widths[i + 1] = hidden[i];
        }
        widths[widths.length - 1] = outputs;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    public int layers() {
        return widths.length - 1;
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < layers(); l++) {
            n += widths[l + 1] + widths[l] * widths[l + 1];
        }
        return n;
    }

    /** Flax defaults: LeCun-normal (truncated) kernels, zero biases. */
    public double[] initialParameters(RandomGenerator rng) {
        double[] p = new double[parameterCount()];
        int o = 0;
        for (int l = 0; l < layers(); l++) {
            int in = widths[l];
            int out = widths[l + 1];
            o += out; // bias stays zero
            for (int k = 0; k < in * out; k++) {
                p[o++] = TruncatedNormal.lecunNormal(rng, in);
            }
        }
        return p;
    }

    /** Converts a flat parameter vector into the float weights that {@link Evaluator} uses. */
    public Evaluator evaluator(double[] parameters, int maxBatch) {
        if (parameters.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + parameters.length);
        }
        return new Evaluator(parameters, maxBatch);
    }

    /**
     * Weights in float plus scratch buffers for batches up to a fixed size. Not thread-safe.
     *
     * <p>Every unit's activations live in an array of their own and every loop indexes them all
     * with the same counter, so C2 can prove the loops free of aliasing and vectorises them; with
     * one shared buffer at differing offsets it cannot, and runs ~10× slower.
     */
    public final class Evaluator {
        private final float[][] bias;
        private final float[][] kernel;
        private final float[][][] activations;

        private Evaluator(double[] p, int maxBatch) {
            int layers = layers();
            bias = new float[layers][];
            kernel = new float[layers][];
            activations = new float[layers][][];
            int o = 0;
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                bias[l] = new float[out];
                for (int j = 0; j < out; j++) {
                    bias[l][j] = (float) p[o++];
                }
                kernel[l] = new float[in * out];
                for (int k = 0; k < in * out; k++) {
                    kernel[l][k] = (float) p[o++];
                }
                activations[l] = new float[out][maxBatch];
            }
        }

        /** Evaluates a one-input, one-output network on {@code n} points. */
        public void apply(float[] x, float[] y, int n) {
            apply(new float[][] {x}, new float[][] {y}, n);
        }

        /** Evaluates on {@code n} points: input feature i of point c is {@code x[i][c]}, output j goes to {@code y[j][c]}. */
        public void apply(float[][] x, float[][] y, int n) {
            float[][] in = x;
            int last = layers() - 1;
            for (int l = 0; l <= last; l++) {
                float[][] out = l == last ? y : activations[l];
                dense(l, in, out, n);
                if (l < last) {
                    for (float[] unit : out) {
                        RationalTanh.tanhInPlace(unit, n);
                    }
                }
                in = out;
            }
        }

        /** out[j] = bias[j] + Σᵢ w[i][j]·in[i], four inputs per pass over the batch. */
        private void dense(int l, float[][] in, float[][] out, int n) {
            int fanIn = widths[l];
            int fanOut = widths[l + 1];
            float[] w = kernel[l];
            for (int j = 0; j < fanOut; j++) {
                float[] o = out[j];
                int i;
                if (fanIn >= 4) {
                    set4(o, bias[l][j], w[j], in[0], w[fanOut + j], in[1], w[2 * fanOut + j], in[2],
                            w[3 * fanOut + j], in[3], n);
                    i = 4;
                } else {
                    set1(o, bias[l][j], w[j], in[0], n);
                    i = 1;
                }
                for (; i + 4 <= fanIn; i += 4) {
                    add4(o, w[i * fanOut + j], in[i], w[(i + 1) * fanOut + j], in[i + 1],
                            w[(i + 2) * fanOut + j], in[i + 2], w[(i + 3) * fanOut + j], in[i + 3], n);
                }
                for (; i < fanIn; i++) {
                    add1(o, w[i * fanOut + j], in[i], n);
                }
            }
        }
    }

    // The batch loops below index every array with the same counter, so C2 vectorises them.

    private static void set1(float[] y, float b, float a, float[] x, int n) {
        for (int c = 0; c < n; c++) {
            y[c] = b + a * x[c];
        }
    }

    private static void set4(float[] y, float b, float a0, float[] x0, float a1, float[] x1, float a2, float[] x2,
                             float a3, float[] x3, int n) {
        for (int c = 0; c < n; c++) {
            y[c] = b + a0 * x0[c] + a1 * x1[c] + a2 * x2[c] + a3 * x3[c];
        }
    }

    private static void add1(float[] y, float a, float[] x, int n) {
        for (int c = 0; c < n; c++) {
            y[c] += a * x[c];
        }
    }

    private static void add4(float[] y, float a0, float[] x0, float a1, float[] x1, float a2, float[] x2,
                             float a3, float[] x3, int n) {
        for (int c = 0; c < n; c++) {
            y[c] += a0 * x0[c] + a1 * x1[c] + a2 * x2[c] + a3 * x3[c];
        }
    }
}
