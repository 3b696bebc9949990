package io.morphospark.models.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TanhMlpTest {
    @Test
    void rationalTanhMatchesMathTanhToFloatPrecision() {
        double worst = 0;
        for (double x = -12; x <= 12; x += 1e-4) {
            worst = Math.max(worst, Math.abs(RationalTanh.tanh((float) x) - Math.tanh((float) x)));
        }
        assertTrue(worst < 5e-7, "max error " + worst);
        float[] v = {-100f, -1f, 0f, 0.3f, 100f};
        RationalTanh.tanhInPlace(v, v.length);
        assertEquals(-1f, v[0], 0f);
        assertEquals(0f, v[2], 0f);
        assertEquals(1f, v[4], 0f);
    }

    @Test
    void seedNetworkHas97ParametersInFlaxLeafOrder() {
        TanhMlp mlp = new TanhMlp(1, new int[] {8, 8}, 1);
        assertEquals(8 + 8 + 8 + 64 + 1 + 8, mlp.parameterCount());
        double[] p = mlp.initialParameters(new SplittableRandom(1));
        for (int i = 0; i < 8; i++) {
            assertEquals(0.0, p[i], 0.0, "first-layer bias starts at zero");
        }
        assertEquals(0.0, p[16], 0.0);
        assertEquals(0.0, p[88], 0.0);
    }

    @Test
    void lecunNormalInitHasVarianceOneOverFanIn() {
        TanhMlp mlp = new TanhMlp(64, new int[] {64}, 1);
        double[] p = mlp.initialParameters(new SplittableRandom(7));
        double sum2 = 0;
        double max = 0;
        for (int k = 64; k < 64 + 64 * 64; k++) {
            sum2 += p[k] * p[k];
            max = Math.max(max, Math.abs(p[k]));
        }
        assertEquals(1.0 / 64, sum2 / (64 * 64), 0.1 / 64);
        assertTrue(max <= 2 / Math.sqrt(64) / 0.8796256610342398 + 1e-12, "truncated at two standard deviations");
    }

    @Test
    void batchedForwardMatchesNaiveDoubleComputation() {
        TanhMlp mlp = new TanhMlp(2, new int[] {5, 3}, 2);
        double[] p = mlp.initialParameters(new SplittableRandom(3));
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.05 * i % 0.3; // non-zero biases too
        }
        int n = 11;
        float[][] x = new float[2][n];
        for (int c = 0; c < n; c++) {
            x[0][c] = c / 10f;
            x[1][c] = 1 - c / 7f;
        }
        float[][] y = new float[2][n];
        mlp.evaluator(p, n).apply(x, y, n);
        int[] widths = {2, 5, 3, 2};
        for (int c = 0; c < n; c++) {
            double[] a = {x[0][c], x[1][c]};
            int o = 0;
            for (int l = 0; l < 3; l++) {
                double[] out = new double[widths[l + 1]];
                for (int j = 0; j < out.length; j++) {
                    out[j] = p[o + j];
                }
                o += out.length;
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < out.length; j++) {
                        out[j] += p[o + i * out.length + j] * a[i];
                    }
                }
                o += a.length * out.length;
                if (l < 2) {
                    for (int j = 0; j < out.length; j++) {
                        out[j] = Math.tanh(out[j]);
                    }
                }
                a = out;
            }
            assertEquals(a[0], y[0][c], 1e-5);
            assertEquals(a[1], y[1][c], 1e-5);
        }
    }
}
