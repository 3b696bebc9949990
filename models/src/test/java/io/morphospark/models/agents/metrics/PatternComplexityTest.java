package io.morphospark.models.agents.metrics;

import io.morphospark.models.patterns.Frame;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Complexity is low for uniform fields, noise and one big domain, high for stripes and spots. */
class PatternComplexityTest {
    private static final int SIDE = 64;

    private interface Cell {
        int at(int x, int y);
    }

    private static Frame frame(Cell c) {
        byte[] b = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                b[y * SIDE + x] = (byte) c.at(x, y);
            }
        }
        return Frame.discrete(SIDE, SIDE, 3, b);
    }

    @Test
    void uniformNoiseAndStructure() {
        assertEquals(0, PatternComplexity.of(frame((x, y) -> 1)), 1e-12);
        SplittableRandom rng = new SplittableRandom(3);
        for (double p : new double[] {0.3, 0.5, 0.7}) {
            double c = PatternComplexity.of(frame((x, y) -> rng.nextDouble() < p ? 1 : 2));
            assertTrue(c < 0.1, "Bernoulli " + p + ": " + c);
        }
        double half = PatternComplexity.of(frame((x, y) -> x < SIDE / 2 ? 1 : 2));
        assertTrue(half < 0.15, "one interface: " + half);
        double stripes = PatternComplexity.of(frame((x, y) -> (x / 4) % 2 + 1));
        assertTrue(stripes > 0.6, "stripes: " + stripes);
        double spots = PatternComplexity.of(frame((x, y) -> {
            int dx = x % 10 - 5;
            int dy = y % 10 - 5;
            return dx * dx + dy * dy <= 9 ? 1 : 0;
        }));
        assertTrue(spots > 0.6, "spots: " + spots);
    }

    @Test
    void boundaryLengthIsOneWhenMixedAndSmallWhenSorted() {
        SplittableRandom rng = new SplittableRandom(5);
        double mixed = AgentMetrics.boundary(frame((x, y) -> 1 + rng.nextInt(2)));
        assertEquals(1, mixed, 0.1);
        double sorted = AgentMetrics.boundary(frame((x, y) -> x < SIDE / 2 ? 1 : 2));
        assertTrue(sorted < 0.1, "sorted " + sorted);
        assertEquals(1, AgentMetrics.sortingScore(1, 0), 1e-12);
        assertEquals(0, AgentMetrics.sortingScore(-0.1, 1.1), 1e-12);
    }
}
