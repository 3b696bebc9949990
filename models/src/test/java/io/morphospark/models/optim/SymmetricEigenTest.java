package io.morphospark.models.optim;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetricEigenTest {
    @Test
    void decomposesARandomSymmetricMatrix() {
        int n = 12;
        SplittableRandom rng = new SplittableRandom(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        SymmetricEigen.Result e = SymmetricEigen.decompose(a);
        double[][] v = e.vectors();
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v[j][k];
                }
                assertEquals(e.values()[k] * v[i][k], av, 1e-12, "A v = λ v");
            }
            for (int l = 0; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i][k] * v[i][l];
                }
                assertEquals(k == l ? 1 : 0, dot, 1e-12, "orthonormal");
            }
        }
    }

    @Test
    void diagonalInputNeedsNoSweep() {
        SymmetricEigen.Result e = SymmetricEigen.decompose(new double[][] {{2, 0}, {0, 5}});
        assertEquals(0, e.sweeps());
        assertEquals(2, e.values()[0]);
        assertEquals(5, e.values()[1]);
    }
}
