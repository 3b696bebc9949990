package io.morphospark.models.optim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.morphospark.models.problem.benchmark.Rosenbrock;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetricEigenTest {
    private static Function<double[][], SymmetricEigen.Result> solver(String name) {
        return name.equals("jacobi") ? SymmetricEigen::jacobi : SymmetricEigen::decompose;
    }

    private static double[][] randomSymmetric(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ql", "jacobi"})
    void decomposesARandomSymmetricMatrix(String name) {
        int n = 12;
        double[][] a = randomSymmetric(n, 3);
        SymmetricEigen.Result e = solver(name).apply(a);
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

    @ParameterizedTest
    @ValueSource(strings = {"ql", "jacobi"})
    void diagonalInputIsItsOwnDecomposition(String name) {
        SymmetricEigen.Result e = solver(name).apply(new double[][] {{2, 0}, {0, 5}});
        double[] values = e.values().clone();
        Arrays.sort(values);
        assertArrayEquals(new double[] {2, 5}, values);
        for (double[] row : e.vectors()) {
            assertEquals(1, Arrays.stream(row).map(Math::abs).sum(), 0, "a permutation of the unit vectors");
        }
    }

    @Test
    void bothSolversFindTheSameSpectrum() {
        double[][] a = randomSymmetric(60, 5);
        double[] ql = SymmetricEigen.decompose(a).values().clone();
        double[] jacobi = SymmetricEigen.jacobi(a).values().clone();
        Arrays.sort(ql);
        Arrays.sort(jacobi);
        assertArrayEquals(jacobi, ql, 1e-11);
    }

    @Test
    void cmaEsRunsAreReproducibleWithEitherSolver() {
        for (CmaEs.EigenSolver solver : CmaEs.EigenSolver.values()) {
            double[][] means = new double[2][];
            for (int run = 0; run < 2; run++) {
                CmaEs es = new CmaEs(new double[12], 0.5, 10, 9).usingEigenSolver(solver);
                Minimise.run(es, new Rosenbrock(12), 600, 0);
                means[run] = es.mean();
            }
            assertArrayEquals(means[0], means[1], 0, solver + ": same seed, same bits");
        }
    }
}
