package io.morphospark.models.optim;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method: simple, accurate
 * to working precision, and fast when the matrix is nearly diagonal, which is how CMA-ES uses it
 * (the covariance is first rotated into the previous eigenbasis). O(n³) per sweep.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 60;

    /** Eigenvalues (unsorted) and eigenvectors as columns: {@code vectors[row][k]} belongs to value k. */
    public record Result(double[] values, double[][] vectors, int sweeps) {
    }

    private SymmetricEigen() {
    }

    public static Result decompose(double[][] matrix) {
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
        int sweep = 0;
        for (; sweep < MAX_SWEEPS; sweep++) {
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
        return new Result(values, v, sweep);
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
