package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.metrics.Binarised;
import io.morphospark.models.patterns.metrics.InterfaceLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorsTest {
    private static final CyclicCaParams CCA = new CyclicCaParams(10, 1, Neighbourhood.VON_NEUMANN);

    private static <P extends Record> List<Frame> frames(PatternSimulator<P> sim, P params, RunSpec spec, List<Integer> steps) {
        List<Frame> out = new ArrayList<>();
        Frame last = sim.run(params, spec, (step, f) -> {
            steps.add(step);
            out.add(f);
        });
        assertEquals(out.get(out.size() - 1), last, "run returns the last recorded frame");
        return out;
    }

    private static <P extends Record> void assertDeterministic(PatternSimulator<P> sim, P params, int side, int steps) {
        RunSpec spec = new RunSpec(side, side + 3, steps, Math.max(1, steps / 3), 42, 7);
        List<Frame> a = frames(sim, params, spec, new ArrayList<>());
        List<Frame> b = frames(sim, params, spec, new ArrayList<>());
        assertEquals(a, b, "same seed and sample, same frames");
        List<Frame> otherSample = frames(sim, params, new RunSpec(side, side + 3, steps, Math.max(1, steps / 3), 42, 8), new ArrayList<>());
        assertNotEquals(a.get(a.size() - 1), otherSample.get(otherSample.size() - 1), "another sample draws other numbers");
    }

    @Test
    void everySimulatorIsAPureFunctionOfItsSeedAndSample() {
        assertDeterministic(new GrayScottSimulator(), GrayScottParams.sims(0.029, 0.057), 24, 60);
        assertDeterministic(new CyclicCaSimulator(), CCA, 24, 30);
        assertDeterministic(new GreenbergHastingsSimulator(), new GreenbergHastingsParams(5, 1, Neighbourhood.VON_NEUMANN), 24, 30);
        assertDeterministic(new CellularPottsSimulator(), CellularPottsParams.compuCell3dCellSort(), 20, 10);
        assertDeterministic(new BernoulliFieldSimulator(), new BernoulliFieldParams(0.3), 24, 3);
        assertDeterministic(new GameOfLifeSimulator(), new GameOfLifeParams(0.35, LifeBorder.TORUS), 24, 30);
    }

    @Test
    void framesAreRecordedAtZeroEveryStrideAndTheLastStep() {
        List<Integer> steps = new ArrayList<>();
        List<Frame> f = frames(new CyclicCaSimulator(), CCA, new RunSpec(16, 12, 10, 4, 1, 0), steps);
        assertEquals(List.of(0, 4, 8, 10), steps);
        assertEquals(16, f.get(0).width());
        assertEquals(12, f.get(0).height());
        steps.clear();
        frames(new CyclicCaSimulator(), CCA, new RunSpec(16, 12, 10, 0, 1, 0), steps);
        assertEquals(List.of(0, 10), steps);
    }

    @Test
    void grayScottLeavesTheTrivialSteadyStateAlone() {
        Frame f = new GrayScottSimulator().run(GrayScottParams.sims(0.03, 0.06).withStart(0, 1, 0), RunSpec.of(16, 50, 1, 0));
        for (float v : f.values()) {
            assertEquals(0f, v, "u=1, v=0 is a fixed point");
        }
    }

    @Test
    void grayScottStepMatchesTheStencilWrittenOut() {
        int w = 5;
        int h = 4;
        float[] u = new float[PeriodicHalo.paddedSize(w, h)];
        float[] v = new float[u.length];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                u[PeriodicHalo.index(w, x, y)] = (float) rng.nextDouble();
                v[PeriodicHalo.index(w, x, y)] = (float) rng.nextDouble();
            }
        }
        PeriodicHalo.wrap(u, w, h);
        PeriodicHalo.wrap(v, w, h);
        float[] nu = new float[u.length];
        float[] nv = new float[u.length];
        GrayScottSimulator.step(u, v, nu, nv, w, h, 0.03f, 0.06f, 1f, 0.5f, 1f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double lapV = -at(v, w, h, x, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx != 0 || dy != 0) {
                            lapV += (dx == 0 || dy == 0 ? 0.2 : 0.05) * at(v, w, h, x + dx, y + dy);
                        }
                    }
                }
                double uc = at(u, w, h, x, y);
                double vc = at(v, w, h, x, y);
                double expected = vc + 0.5 * lapV + uc * vc * vc - 0.09 * vc;
                assertEquals(expected, nv[PeriodicHalo.index(w, x, y)], 1e-5);
            }
        }
    }

    private static float at(float[] a, int w, int h, int x, int y) {
        return a[PeriodicHalo.index(w, Math.floorMod(x, w), Math.floorMod(y, h))];
    }

    @Test
    void cyclicCaCellsStayOrAdvanceByOneAndOnlyWithASuccessorNeighbour() {
        List<Frame> f = frames(new CyclicCaSimulator(), new CyclicCaParams(6, 2, Neighbourhood.MOORE), new RunSpec(20, 20, 20, 1, 5, 0), new ArrayList<>());
        for (int t = 1; t < f.size(); t++) {
            Frame before = f.get(t - 1);
            Frame after = f.get(t);
            assertTrue(after.cyclic());
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 20; x++) {
                    int s = (int) before.get(x, y);
                    int n = (int) after.get(x, y);
                    int successors = 0;
                    for (int k = 0; k < 8; k++) {
                        Neighbourhood m = Neighbourhood.MOORE;
                        successors += (int) before.get(Math.floorMod(x + m.dx(k), 20), Math.floorMod(y + m.dy(k), 20)) == (s + 1) % 6 ? 1 : 0;
                    }
                    assertEquals(successors >= 2 ? (s + 1) % 6 : s, n, "cell " + x + "," + y + " at step " + t);
                }
            }
        }
    }

    @Test
    void greenbergHastingsRefractoryCellsAlwaysAdvance() {
        List<Frame> f = frames(new GreenbergHastingsSimulator(), new GreenbergHastingsParams(5, 1, Neighbourhood.VON_NEUMANN), new RunSpec(16, 16, 5, 1, 2, 0), new ArrayList<>());
        for (int t = 1; t < f.size(); t++) {
            for (int i = 0; i < 256; i++) {
                int s = (int) f.get(t - 1).values()[i];
                int n = (int) f.get(t).values()[i];
                if (s != 0) {
                    assertEquals((s + 1) % 5, n);
                } else {
                    assertTrue(n == 0 || n == 1);
                }
            }
        }
    }

    @Test
    void cellularPottsConservesSitesAndSortsCells() {
        RunSpec spec = new RunSpec(30, 30, 1500, 1500, 9, 0);
        List<Frame> f = frames(new CellularPottsSimulator(), CellularPottsParams.compuCell3dCellSort(), spec, new ArrayList<>());
        double before = InterfaceLength.of(Binarised.of(f.get(0)), 30, 30);
        double after = InterfaceLength.of(Binarised.of(f.get(f.size() - 1)), 30, 30);
        assertTrue(after < 0.85 * before, "differential adhesion shortens the interface: " + before + " → " + after);
        for (float v : f.get(f.size() - 1).values()) {
            assertTrue(v == CellularPottsSimulator.CONDENSING || v == CellularPottsSimulator.NON_CONDENSING, "full coverage leaves no medium");
        }
    }

    @Test
    void cellularPottsKeepsCellsNearTheirTargetVolume() {
        RunSpec spec = RunSpec.of(30, 200, 4, 0);
        var lattice = CellularPottsSimulator.Lattice.tiled(CellularPottsParams.compuCell3dCellSort().withCoverage(0.6), spec);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        var p = CellularPottsParams.compuCell3dCellSort();
        for (int i = 0; i < 200; i++) {
            lattice.monteCarloStep(p, p.contactMatrix(), rng);
        }
        int[] counted = new int[lattice.volume.length];
        for (int id : lattice.ids()) {
            counted[id]++;
        }
        assertArrayEquals(counted, lattice.volume, "volume book-keeping matches the lattice");
        for (int c = 1; c < counted.length; c++) {
            assertTrue(Math.abs(counted[c] - 25) <= 8, "cell " + c + " volume " + counted[c]);
        }
        assertTrue(counted[0] > 0, "partial coverage leaves medium");
    }

    @Test
    void periodicHaloRepeatsTheOppositeEdges() {
        int w = 3;
        int h = 2;
        float[] a = new float[PeriodicHalo.paddedSize(w, h)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[PeriodicHalo.index(w, x, y)] = 10 * y + x;
            }
        }
        PeriodicHalo.wrap(a, w, h);
        assertArrayEquals(new float[] {
            12, 10, 11, 12, 10,
            2, 0, 1, 2, 0,
            12, 10, 11, 12, 10,
            2, 0, 1, 2, 0}, a);
    }

    private static void assertRejected(String parameter, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(parameter), "message names " + parameter + ": " + ex.getMessage());
    }

    @Test
    void badParametersAreRejectedByName() {
        assertRejected("feed", () -> new GrayScottParams(-0.01, 0.06, 1, 0.5, 1, 1, 1, 0));
        assertRejected("kill", () -> new GrayScottParams(0.03, Double.NaN, 1, 0.5, 1, 1, 1, 0));
        assertRejected("du", () -> new GrayScottParams(0.03, 0.06, -1, 0.5, 1, 1, 1, 0));
        assertRejected("dt", () -> new GrayScottParams(0.03, 0.06, 1, 0.5, 0, 1, 1, 0));
        assertRejected("du·dt", () -> new GrayScottParams(0.03, 0.06, 1, 0.5, 1.5, 1, 1, 0));
        assertRejected("noise", () -> new GrayScottParams(0.03, 0.06, 1, 0.5, 1, 1, 1, 2));
        assertRejected("states", () -> new CyclicCaParams(2, 1, Neighbourhood.MOORE));
        assertRejected("threshold", () -> new CyclicCaParams(5, 5, Neighbourhood.VON_NEUMANN));
        assertRejected("threshold", () -> new CyclicCaParams(5, 0, Neighbourhood.MOORE));
        assertRejected("neighbourhood", () -> new CyclicCaParams(5, 1, null));
        assertRejected("states", () -> new GreenbergHastingsParams(2, 1, Neighbourhood.MOORE));
        assertRejected("j_cn", () -> new CellularPottsParams(2, -11, 16, 16, 16, 25, 2, 10, 5, 0.5, 1));
        assertRejected("temperature", () -> CellularPottsParams.compuCell3dCellSort().withTemperature(0));
        assertRejected("condensing_fraction", () -> CellularPottsParams.compuCell3dCellSort().withCondensingFraction(1.5));
        assertRejected("density", () -> new BernoulliFieldParams(-0.1));
        assertRejected("density", () -> new GameOfLifeParams(1.1, LifeBorder.DEAD));
        assertRejected("width", () -> new RunSpec(3, 10, 1, 0, 0, 0));
        assertRejected("height", () -> new RunSpec(10, 2, 1, 0, 0, 0));
        assertRejected("steps", () -> new RunSpec(10, 10, -1, 0, 0, 0));
        assertRejected("frame-stride", () -> new RunSpec(10, 10, 1, -2, 0, 0));
        assertRejected("too small", () -> new CellularPottsSimulator().run(CellularPottsParams.compuCell3dCellSort(), RunSpec.of(8, 1, 0, 0)));
    }

    @Test
    void bernoulliFieldsHaveTheirDensity() {
        Frame f = new BernoulliFieldSimulator().run(new BernoulliFieldParams(0.3), RunSpec.of(100, 0, 3, 1));
        assertEquals(0.3, Binarised.mass(Binarised.of(f)), 0.02);
        assertFalse(f.cyclic());
    }
}
