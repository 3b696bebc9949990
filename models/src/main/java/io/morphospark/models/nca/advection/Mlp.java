package io.morphospark.models.nca.advection;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The per-cell network over all cells of a batch at once, rows = cells: three ND4J GEMMs
 * forward, six backward, written out by hand (the transport after it is plain Java, which
 * SameDiff cannot differentiate, so the whole step's backward pass is explicit; a
 * finite-difference test checks it). {@code type} FLOAT for speed, DOUBLE for gradient checks.
 */
final class Mlp {
    private final Architecture architecture;
    private final DataType type;
    private final INDArray[] weights = new INDArray[6];

    Mlp(AdvectionParameters p, DataType type) {
        this.architecture = p.architecture();
        this.type = type;
        load(p);
    }

    /** Copies the current parameter values into the ND4J arrays (after every optimiser step). */
    void load(AdvectionParameters p) {
        int[] sizes = architecture.sizes();
        long[][] shapes = {
                {Architecture.FEATURES, architecture.hidden1()}, {1, architecture.hidden1()},
                {architecture.hidden1(), architecture.hidden2()}, {1, architecture.hidden2()},
                {architecture.hidden2(), Architecture.OUTPUTS}, {1, Architecture.OUTPUTS}};
        for (int k = 0; k < 6; k++) {
            int from = AdvectionParameters.offset(architecture, k);
            double[] v = java.util.Arrays.copyOfRange(p.values(), from, from + sizes[k]);
            weights[k] = Nd4j.create(v, shapes[k], DataType.DOUBLE).castTo(type);
        }
    }

    /** What the backward pass needs of a forward pass. */
    record Activations(INDArray input, INDArray hidden1, INDArray hidden2, double[] output) {
    }

    /** features [rows × 52] row-major → outputs [rows × 13] row-major. */
    Activations forward(double[] features, int rows) {
        INDArray x = Nd4j.create(features, new long[] {rows, Architecture.FEATURES}, DataType.DOUBLE).castTo(type);
        INDArray ones = Nd4j.ones(type, rows, 1);
        INDArray h1 = Transforms.relu(affine(x, 0, ones), false);
        INDArray h2 = Transforms.relu(affine(h1, 2, ones), false);
        return new Activations(x, h1, h2, doubles(affine(h2, 4, ones)));
    }

    /**
     * input · w_k + b_k, the bias added as a rank-1 GEMM (ones · b). Only plain GEMMs here: on
     * ND4J 1.0.0-M2.1 (CPU) {@code mmul} and {@code addiRowVector} cost ≈8 ms each on small
     * arrays on this shared 2-core machine against ≈0.05 ms for {@code Nd4j.gemm}.
     */
    private INDArray affine(INDArray input, int k, INDArray ones) {
        INDArray out = Nd4j.gemm(input, weights[k], false, false);
        return Nd4j.gemm(ones, weights[k + 1], out, false, false, 1.0, 1.0);
    }

    /**
     * Given ∂L/∂output [rows × 13], adds ∂L/∂parameters into {@code gradParameters} (flat order)
     * and returns ∂L/∂features [rows × 52].
     */
    double[] backward(Activations a, double[] gradOutput, double[] gradParameters) {
        long rows = a.input().size(0);
        INDArray ones = Nd4j.ones(type, rows, 1);
        INDArray gOut = Nd4j.create(gradOutput, new long[] {rows, Architecture.OUTPUTS}, DataType.DOUBLE).castTo(type);
        add(gradParameters, 4, Nd4j.gemm(a.hidden2(), gOut, true, false));
        add(gradParameters, 5, Nd4j.gemm(ones, gOut, true, false)); // column sums
        // ReLU outputs are ≥ 0, so sign(h) is exactly the derivative mask 1[h > 0]
        INDArray gZ2 = Nd4j.gemm(gOut, weights[4], false, true).muli(Transforms.sign(a.hidden2(), true));
        add(gradParameters, 2, Nd4j.gemm(a.hidden1(), gZ2, true, false));
        add(gradParameters, 3, Nd4j.gemm(ones, gZ2, true, false));
        INDArray gZ1 = Nd4j.gemm(gZ2, weights[2], false, true).muli(Transforms.sign(a.hidden1(), true));
        add(gradParameters, 0, Nd4j.gemm(a.input(), gZ1, true, false));
        add(gradParameters, 1, Nd4j.gemm(ones, gZ1, true, false));
        return doubles(Nd4j.gemm(gZ1, weights[0], false, true));
    }

    private void add(double[] flat, int k, INDArray gradient) {
        double[] g = doubles(gradient);
        int from = AdvectionParameters.offset(architecture, k);
        for (int i = 0; i < g.length; i++) {
            flat[from + i] += g[i];
        }
    }

    /** Row-major doubles of any array (GEMM results may be 'f'-ordered). */
    static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
