package io.morphospark.models.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FitnessShapingTest {
    @Test
    void centredRanksPutInvalidLastAndSumToZero() {
        double[] shaped = FitnessShaping.centredRanks(new double[] {3, Double.NEGATIVE_INFINITY, 7, Double.NaN, 5});
        // order best→worst: 7 (i2), 5 (i4), 3 (i0), −∞ (i1), NaN (i3, tie with −∞ broken by index)
        assertArrayEquals(new double[] {0.0, -0.25, 0.5, -0.5, 0.25}, shaped, 1e-15);
        double sum = 0;
        for (double s : shaped) {
            sum += s;
        }
        assertEquals(0, sum, 1e-15);
    }

    @Test
    void nesUtilitiesFavourTheBestAndSumToZero() {
        double[] u = FitnessShaping.nesUtilities(10);
        double sum = 0;
        for (int k = 0; k < u.length; k++) {
            sum += u[k];
            if (k > 0) {
                assertEquals(true, u[k] <= u[k - 1]);
            }
        }
        assertEquals(0, sum, 1e-12);
        assertEquals(-0.1, u[9], 1e-15); // the worse half all get −1/λ
    }
}
