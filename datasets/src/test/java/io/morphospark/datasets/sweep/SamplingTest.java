package io.morphospark.datasets.sweep;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingTest {
    private final ParamRange[] ranges = {ParamRange.uniform(0.02, 0.04), ParamRange.uniform(-1, 1), ParamRange.grid(9, 10, 11)};

    @Test
    void latinHypercubeVisitsEveryStratumOnceInEachDimension() {
        for (int n : new int[] {1, 7, 100, 1000}) {
            for (int p = 0; p < 2; p++) {
                Set<Long> strata = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    double v = Sampling.LATIN_HYPERCUBE.value(5, 3, ranges, p, i, n);
                    double u = (v - ranges[p].lo()) / (ranges[p].hi() - ranges[p].lo());
                    assertTrue(u >= 0 && u < 1);
                    strata.add((long) Math.floor(u * n));
                }
                assertEquals(n, strata.size(), "n=" + n + " p=" + p);
            }
        }
    }

    @Test
    void dimensionsAreShuffledIndependently() {
        int same = 0;
        for (int i = 0; i < 200; i++) {
            same += Sampling.stratum(5, 3, 0, i, 200) == Sampling.stratum(5, 3, 1, i, 200) ? 1 : 0;
        }
        assertTrue(same < 10, "strata of two parameters coincide " + same + " times");
    }

    @Test
    void aSampleGetsTheSameValueWhoeverAsks() {
        for (Sampling s : Sampling.values()) {
            assertEquals(s.value(9, 2, ranges, 0, 17, 50), s.value(9, 2, ranges, 0, 17, 50));
        }
        assertNotEquals(Sampling.UNIFORM.value(9, 2, ranges, 0, 17, 50), Sampling.UNIFORM.value(9, 3, ranges, 0, 17, 50));
    }

    @Test
    void gridSamplingIsTheFullFactorialOfTheLevels() {
        ParamRange[] g = {ParamRange.grid(1, 2), ParamRange.grid(10, 20, 30), ParamRange.uniform(0, 4)};
        Set<String> combos = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            combos.add(Sampling.GRID.value(1, 1, g, 0, i, 6) + "," + Sampling.GRID.value(1, 1, g, 1, i, 6));
            assertEquals(2.0, Sampling.GRID.value(1, 1, g, 2, i, 6), "an interval takes its midpoint");
        }
        assertEquals(6, combos.size());
    }
}
