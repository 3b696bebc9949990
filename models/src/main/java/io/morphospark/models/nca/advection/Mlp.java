package io.morphospark.models.nca.advection;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-cell network over all cells of a batch at once, one row per cell, forward and
 * backward written out by hand (the transport after it is plain Java, which SameDiff cannot
 * differentiate, so the whole step's backward pass is explicit; a finite-difference test checks it).
 *
 * <p>ND4J does only the GEMMs (3 forward, 6 backward); biases ride along as an extra input column
 * of ones and an extra weight row, and ReLU, masks and sums are Java loops. On ND4J 1.0.0-M2.1
 * (CPU) every other op we tried ({@code mmul}, {@code addiRowVector}, {@code relu}, casts) carried
 * milliseconds of overhead per call on this shared 2-core machine, against ≈0.05 ms for a small
 * {@code Nd4j.gemm}. {@code type} FLOAT for speed, DOUBLE for gradient checks.
 */
final class Mlp {
    /** Row stride of the feature matrix: the features, then the constant 1 of the bias. */
    static final int INPUT_STRIDE = Architecture.FEATURES + 1;

    private final Architecture architecture;
    private final DataType type;
    /** Per layer, [inputs + 1, outputs]: the weights with the bias as last row. */
    private final INDArray[] kernels = new INDArray[3];

    Mlp(AdvectionParameters p, DataType type) {
        this.architecture = p.architecture();
        this.type = type;
        load(p);
    }

    /** Copies the current parameter values into the ND4J arrays (after every optimiser step). */
    void load(AdvectionParameters p) {
        int[] widths = architecture.layerWidths();
        for (int layer = 0; layer < 3; layer++) {
            int in = widths[layer];
            int out = widths[layer + 1];
            double[] augmented = new double[(in + 1) * out];
            System.arraycopy(p.values(), AdvectionParameters.offset(architecture, 2 * layer), augmented, 0, in * out);
            System.arraycopy(p.values(), AdvectionParameters.offset(architecture, 2 * layer + 1), augmented, in * out, out);
            kernels[layer] = upload(augmented, in + 1, out);
        }
    }

    /** What the backward pass needs of a forward pass: each layer's augmented input, on both sides. */
    record Activations(INDArray input, INDArray hidden1, INDArray hidden2, double[] relu1, double[] relu2, double[] output) {
    }

    /** features [rows × INPUT_STRIDE] row-major, last column 1 → outputs [rows × 13] row-major. */
    Activations forward(double[] features, int rows) {
        INDArray x = upload(features, rows, INPUT_STRIDE);
        double[] relu1 = relu(download(Nd4j.gemm(x, kernels[0], false, false)));
        INDArray h1 = upload(withOnes(relu1, rows, architecture.hidden1()), rows, architecture.hidden1() + 1);
        double[] relu2 = relu(download(Nd4j.gemm(h1, kernels[1], false, false)));
        INDArray h2 = upload(withOnes(relu2, rows, architecture.hidden2()), rows, architecture.hidden2() + 1);
        return new Activations(x, h1, h2, relu1, relu2, download(Nd4j.gemm(h2, kernels[2], false, false)));
    }

    /**
     * Given ∂L/∂output [rows × 13], adds ∂L/∂parameters into {@code gradParameters} (flat order)
     * and returns ∂L/∂features [rows × INPUT_STRIDE] (the last column is the bias input's, unused).
     */
    double[] backward(Activations a, double[] gradOutput, double[] gradParameters) {
        int rows = (int) a.input().size(0);
        INDArray g3 = upload(gradOutput, rows, Architecture.OUTPUTS);
        addLayer(gradParameters, 2, download(Nd4j.gemm(a.hidden2(), g3, true, false)));
        double[] gz2 = masked(download(Nd4j.gemm(g3, kernels[2], false, true)), a.relu2(), rows, architecture.hidden2());
        INDArray g2 = upload(gz2, rows, architecture.hidden2());
        addLayer(gradParameters, 1, download(Nd4j.gemm(a.hidden1(), g2, true, false)));
        double[] gz1 = masked(download(Nd4j.gemm(g2, kernels[1], false, true)), a.relu1(), rows, architecture.hidden1());
        INDArray g1 = upload(gz1, rows, architecture.hidden1());
        addLayer(gradParameters, 0, download(Nd4j.gemm(a.input(), g1, true, false)));
        return download(Nd4j.gemm(g1, kernels[0], false, true));
    }

    /** Adds a layer's [inputs + 1, outputs] gradient: weights then bias, which are adjacent in the flat order. */
    private void addLayer(double[] flat, int layer, double[] gradient) {
        int from = AdvectionParameters.offset(architecture, 2 * layer);
        for (int i = 0; i < gradient.length; i++) {
            flat[from + i] += gradient[i];
        }
    }

    private static double[] relu(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, v[i]);
        }
        return v;
    }

    private static double[] withOnes(double[] v, int rows, int cols) {
        double[] out = new double[rows * (cols + 1)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * cols, out, r * (cols + 1), cols);
            out[r * (cols + 1) + cols] = 1;
        }
        return out;
    }

    /** ∂L/∂(pre-activation): drops the bias column of ∂L/∂(augmented input) and applies ReLU's 1[h > 0]. */
    private static double[] masked(double[] gradAugmented, double[] relu, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                out[i] = relu[i] > 0 ? gradAugmented[r * (cols + 1) + c] : 0;
            }
        }
        return out;
    }

    /** A row-major [rows × cols] matrix of {@code type}, written in one bulk copy. */
    private INDArray upload(double[] v, int rows, int cols) {
        INDArray m = Nd4j.createUninitialized(type, new long[] {rows, cols}, 'c');
        if (type == DataType.DOUBLE) {
            m.data().asNioDouble().put(v);
        } else {
            float[] f = new float[v.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) v[i];
            }
            m.data().asNioFloat().put(f);
        }
        return m;
    }

    /** The row-major values of a GEMM result, whatever its ordering. */
    private double[] download(INDArray m) {
        int rows = (int) m.size(0);
        int cols = (int) m.size(1);
        double[] raw = new double[rows * cols];
        if (m.isView() || m.data().length() != raw.length) {
            return m.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        }
        if (type == DataType.DOUBLE) {
            m.data().asNioDouble().get(raw);
        } else {
            float[] f = new float[raw.length];
            m.data().asNioFloat().get(f);
            for (int i = 0; i < f.length; i++) {
                raw[i] = f[i];
            }
        }
        if (m.ordering() == 'c') {
            return raw;
        }
        double[] rowMajor = new double[raw.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                rowMajor[r * cols + c] = raw[c * rows + r];
            }
        }
        return rowMajor;
    }
}
