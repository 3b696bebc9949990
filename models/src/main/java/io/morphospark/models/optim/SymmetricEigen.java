package io.morphospark.models.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Eigen-decomposition of a real symmetric matrix. {@link #decompose} is Householder
 * tridiagonalisation + implicit QL (commons-math3's {@link EigenDecomposition}, the tred2/tql2 of
 * JAMA): O(n³) with a small constant whatever the matrix, plain Java, so the same bits on every
 * machine (LAPACK through ND4J is faster at n = 1 000 but its result depends on the BLAS build and
 * thread count; {@code bench optimizers} prints all three). {@link #jacobi} is the cyclic Jacobi
 * method CMA-ES used before: accurate, but O(n³) <em>per sweep</em>, several seconds at n = 500.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 60;

    /** Eigenvalues and eigenvectors as columns: {@code vectors[row][k]} belongs to value k. */
    public record Result(double[] values, double[][] vectors) {
    }

    private SymmetricEigen() {
    }

    /** Householder tridiagonalisation + implicit QL; eigenvalues in descending order. */
    public static Result decompose(double[][] matrix) {
        // the symmetric path of EigenDecomposition (checked to 10·n²·ulp) is JAMA's tred2 + tql2
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(matrix, false));
        return new Result(e.getRealEigenvalues(), e.getV().getData());
    }

    /** Cyclic Jacobi rotations until the off-diagonal mass is below 1e-30 of the total; eigenvalues unsorted. */
    public static Result jacobi(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double total = 0;
        for (double[] row : a) {
            for (double x : row) {
                total += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new Result(values, v);
    }

    /** Applies the rotation that zeroes a[p][q]: A ← JᵀAJ, V ← VJ. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.abs(theta) > 1e150 ? 0.5 / theta
                : Math.copySign(1, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        double[] rowP = a[p];
        double[] rowQ = a[q];
        for (int k = 0; k < n; k++) {
            double apk = rowP[k];
            double aqk = rowQ[k];
            rowP[k] = c * apk - s * aqk;
            rowQ[k] = s * apk + c * aqk;
        }
        rowP[q] = 0;
        rowQ[p] = 0;
        for (int k = 0; k < n; k++) {
            double[] vk = v[k];
            double vkp = vk[p];
            double vkq = vk[q];
            vk[p] = c * vkp - s * vkq;
            vk[q] = s * vkp + c * vkq;
        }
    }
}
