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

    /** Weights in float plus scratch buffers for batches up to a fixed size. Not thread-safe. */
    public final class Evaluator {
        private final float[][] bias;
        private final float[][] kernel;
        private final float[][] activations;

        private Evaluator(double[] p, int maxBatch) {
            int layers = layers();
            bias = new float[layers][];
            kernel = new float[layers][];
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
            }
            int maxWidth = Arrays.stream(widths).max().orElse(1);
            activations = new float[2][maxWidth * maxBatch];
        }

        /**
         * Evaluates the network on {@code n} points. Input feature i of point c is
         * {@code x[i * n + c]}; output feature j goes to {@code y[j * n + c]}.
         */
        public void apply(float[] x, float[] y, int n) {
            float[] in = x;
            int last = layers() - 1;
            for (int l = 0; l <= last; l++) {
                float[] out = l == last ? y : activations[l & 1];
                dense(l, in, out, n);
                if (l < last) {
                    RationalTanh.tanhInPlace(out, widths[l + 1] * n);
                }
                in = out;
            }
        }

        private void dense(int l, float[] in, float[] out, int n) {
            int fanIn = widths[l];
            int fanOut = widths[l + 1];
            float[] w = kernel[l];
            for (int j = 0; j < fanOut; j++) {
                int oj = j * n;
                Arrays.fill(out, oj, oj + n, bias[l][j]);
                for (int i = 0; i < fanIn; i++) {
                    float wij = w[i * fanOut + j];
                    int ii = i * n;
                    for (int c = 0; c < n; c++) {
                        out[oj + c] += wij * in[ii + c];
                    }
                }
            }
        }
    }
}
