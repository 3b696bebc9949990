package io.morphospark.models.regulatory;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.ReplicateStreams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateralInhibitionSimulatorTest {
    /** f(s̄) = tanh(−5(s̄ − 0.5)) with one hidden tanh unit: the seed's hand-built reference. */
    static final double[] HAND_BUILT = {2.5, -5.0, 0.0, 1.0};

    private static LateralInhibitionConfig config(int cells, int replicates, int steps, Boundary boundary, int... hidden) {
        return new LateralInhibitionConfig(cells, replicates, 0.01, steps, 0.1, 0.5, 0.1, boundary, hidden);
    }

    @Test
    void freeBoundaryEdgeCellsTakeTheirSingleNeighbour() {
        float[] s = {0.1f, 0.9f, 0.3f, 0.7f, 0.2f, 1f, 0f, 0.5f};
        float[] out = new float[8];
        LateralInhibitionSimulator.neighbourMeans(s, out, 2, 4, 1f);
        assertArrayEquals(new float[] {0.9f, 0.2f, 0.8f, 0.3f, 1f, 0.1f, 0.75f, 0f}, out, 1e-7f);
    }

    @Test
    void fixedBoundaryResetsOuterCellsAfterEveryStep() {
        var sim = new LateralInhibitionSimulator(config(5, 3, 40, Boundary.FIXED, 1));
        List<float[]> frames = new ArrayList<>();
        sim.simulate(HAND_BUILT, streams(1), 0, 3, 1, (step, states, r, n) -> frames.add(states.clone()));
        for (int f = 1; f < frames.size(); f++) {
            float[] s = frames.get(f);
            for (int r = 0; r < 3; r++) {
                assertEquals(0f, s[r * 5]);
                assertEquals(0f, s[r * 5 + 4]);
                assertTrue(s[r * 5 + 2] >= 0f && s[r * 5 + 2] <= 1f);
            }
        }
        // with a free boundary the end cells move freely
        var free = new LateralInhibitionSimulator(config(5, 3, 40, Boundary.FREE, 1));
        float[] end = free.simulate(HAND_BUILT, streams(1), 0, 3);
        assertTrue(end[0] != 0f || end[4] != 0f);
    }

    @Test
    void statesStayInUnitIntervalAndStartInInitialRange() {
        var sim = new LateralInhibitionSimulator(config(7, 10, 200, Boundary.FREE, 8, 8));
        double[] strong = new double[sim.network().parameterCount()];
        java.util.Arrays.fill(strong, 3.0);
        List<float[]> frames = new ArrayList<>();
        sim.simulate(strong, streams(3), 0, 10, 50, (step, s, r, n) -> frames.add(s.clone()));
        for (float v : frames.get(0)) {
            assertTrue(v >= 0.4f && v <= 0.6f, "initial state " + v);
        }
        for (float[] f : frames) {
            for (float v : f) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
        assertEquals(1 + 200 / 50, frames.size());
    }

    @Test
    void aReplicateIsTheSameWhicheverBlockSimulatesIt() {
        var sim = new LateralInhibitionSimulator(config(7, 12, 300, Boundary.FREE, 8, 8));
        double[] p = sim.network().initialParameters(new java.util.SplittableRandom(5));
        float[] whole = sim.simulate(p, streams(9), 0, 12);
        float[] a = sim.simulate(p, streams(9), 0, 5);
        float[] b = sim.simulate(p, streams(9), 5, 7);
        float[] joined = new float[whole.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        assertArrayEquals(whole, joined);
    }

    @Test
    void handBuiltLateralInhibitionMakesMostlyAlternatingPatterns() {
        var cfg = new LateralInhibitionConfig(7, 200, 0.01, 2000, 0.1, 0.5, 0.1, Boundary.FREE, new int[] {1});
        var sim = new LateralInhibitionSimulator(cfg);
        byte[] fates = LateralInhibitionSimulator.threshold(sim.simulate(HAND_BUILT, streams(42), 0, 200));
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < 200; r++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                sb.append(fates[r * 7 + i]);
            }
            counts.merge(sb.toString(), 1, Integer::sum);
        }
        int alternating = counts.getOrDefault("1010101", 0) + counts.getOrDefault("0101010", 0);
        assertTrue(alternating > 100, "alternating patterns: " + counts);
        double u = PatternUtility.hard(fates, 200, 7).utility();
        assertTrue(u > 0.6 && u < 0.99, "utility " + u);
    }

    @Test
    void zeroPaddedEdgesFavourEdgeCellsOn() {
        // Edge cells feel half the inhibition, so 1010101 wins over its mirror 0101010.
        var cfg = new LateralInhibitionConfig(7, 200, 0.01, 2000, 0.1, 0.5, 0.1, Boundary.ZERO_PADDED, new int[] {1});
        byte[] fates = LateralInhibitionSimulator.threshold(
                new LateralInhibitionSimulator(cfg).simulate(HAND_BUILT, streams(42), 0, 200));
        int edgeOn = 0;
        int mirror = 0;
        for (int r = 0; r < 200; r++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                sb.append(fates[r * 7 + i]);
            }
            edgeOn += sb.toString().equals("1010101") ? 1 : 0;
            mirror += sb.toString().equals("0101010") ? 1 : 0;
        }
        assertTrue(edgeOn > 120 && mirror < 10, "1010101: " + edgeOn + ", 0101010: " + mirror);
        var zero = new float[] {0.2f, 0.9f, 0.4f, 0.6f};
        float[] out = new float[4];
        LateralInhibitionSimulator.neighbourMeans(zero, out, 1, 4, 0.5f);
        assertArrayEquals(new float[] {0.45f, 0.3f, 0.75f, 0.2f}, out, 1e-7f);
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> config(1, 5, 10, Boundary.FREE, 8));
        assertThrows(IllegalArgumentException.class, () -> config(7, 0, 10, Boundary.FREE, 8));
        assertThrows(IllegalArgumentException.class,
                () -> new LateralInhibitionConfig(7, 5, -0.01, 10, 0.1, 0.5, 0.1, Boundary.FREE, new int[] {8}));
        assertThrows(IllegalArgumentException.class,
                () -> new LateralInhibitionConfig(7, 5, Double.NaN, 10, 0.1, 0.5, 0.1, Boundary.FREE, new int[] {8}));
        assertThrows(IllegalArgumentException.class,
                () -> new LateralInhibitionConfig(7, 5, 0.01, 10, 0.1, 0.9, 0.2, Boundary.FREE, new int[] {8}));
    }

    private static ReplicateStreams streams(long seed) {
        return new ReplicateStreams(seed, Purpose.SIMULATION, 0, 0);
    }
}
