package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast kernels give exactly the frames of the original scalar ones ({@link ReferenceGrayScott},
 * {@link ReferenceCellularPotts}) for the same seed, bit for bit, so a dataset regenerated with them
 * has the same shard checksums. Grids cover the vector width's edge cases (narrower than a vector,
 * odd, non-square, whole vectors) and every regime the datasets use.
 */
class KernelBitIdentityTest {
    private static final int[][] GRIDS = {{64, 64}, {17, 9}, {33, 20}, {48, 16}, {10, 10}, {50, 37}, {31, 64}};

    @Test
    void grayScottFramesAreBitIdenticalToTheScalarReference() {
        GrayScottParams[] params = {
            GrayScottParams.sims(0.029, 0.0615).withStart(6, 4, 0.03), // spots (the spotted label's region)
            GrayScottParams.sims(0.029, 0.057).withStart(6, 3, 0.05),  // stripes
            GrayScottParams.sims(0.0545, 0.062).withStart(3, 5, 0.0),  // coral / mitosis, no noise
            new GrayScottParams(0.018, 0.051, 0.8, 0.3, 0.9, 4, 4, 0.02), // other diffusion and time step
        };
        int cases = 0;
        for (int[] g : GRIDS) {
            for (GrayScottParams p : params) {
                RunSpec spec = new RunSpec(g[0], g[1], 240, 40, 2026, cases);
                assertSameFrames(new ReferenceGrayScott(), new GrayScottSimulator(), p, spec, "Gray–Scott " + p + " on " + g[0] + "×" + g[1]);
                cases++;
            }
        }
    }

    @Test
    void grayScottStepMatchesTheReferenceOnRandomFields() {
        for (int[] g : GRIDS) {
            int w = g[0];
            int h = g[1];
            SplittableRandom rng = new SplittableRandom(w * 31L + h);
            float[] u = new float[PeriodicHalo.paddedSize(w, h)];
            float[] v = new float[u.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    u[PeriodicHalo.index(w, x, y)] = (float) rng.nextDouble();
                    v[PeriodicHalo.index(w, x, y)] = (float) rng.nextDouble();
                }
            }
            PeriodicHalo.wrap(u, w, h);
            PeriodicHalo.wrap(v, w, h);
            float[] refU = new float[u.length];
            float[] refV = new float[u.length];
            ReferenceGrayScott.step(u, v, refU, refV, w, h, 0.0301f, 0.0577f, 1f, 0.5f, 1f);
            PeriodicHalo.wrap(refU, w, h);
            PeriodicHalo.wrap(refV, w, h);
            float[] vectorU = new float[u.length];
            float[] vectorV = new float[u.length];
            GrayScottVectorStep.step(u, v, vectorU, vectorV, w, h, 0.0301f, 0.0577f, 1f, 0.5f, 1f);
            assertBits(refU, vectorU, "u after one vector step on " + w + "×" + h + ", halo included");
            assertBits(refV, vectorV, "v after one vector step on " + w + "×" + h + ", halo included");
            // the path a JVM without jdk.incubator.vector takes
            float[] scalarU = new float[u.length];
            float[] scalarV = new float[u.length];
            GrayScottSimulator.scalarStep(u, v, scalarU, scalarV, w, h, 0.0301f, 0.0577f, 1f, 0.5f, 1f);
            assertBits(refU, scalarU, "u after one scalar step on " + w + "×" + h + ", halo included");
            assertBits(refV, scalarV, "v after one scalar step on " + w + "×" + h + ", halo included");
        }
    }

    @Test
    void testsRunTheVectorKernel() {
        assertTrue(GrayScottSimulator.VECTOR_API, "the build passes --add-modules jdk.incubator.vector, so the frame "
                + "tests above exercise the vectorised step");
    }

    @Test
    void cellularPottsFramesAreBitIdenticalToTheScalarReference() {
        CellularPottsParams cc3d = CellularPottsParams.compuCell3dCellSort();
        CellularPottsParams[] params = {
            cc3d,                                                      // the clustered label's energies
            cc3d.withTemperature(8).withCondensingFraction(0.35),      // the label's region corners
            cc3d.withTemperature(12).withCondensingFraction(0.6),
            cc3d.withTemperature(0.5),                                 // cold: almost only ΔH ≤ 0 copies
            cc3d.withTemperature(200),                                 // hot: almost every copy accepted
            cc3d.withCoverage(0.6),                                    // a disc of cells in medium
            cc3d.withCondensingFraction(0).withCoverage(0.8),
            cc3d.withCondensingFraction(1),
            new CellularPottsParams(2.3, 11.7, 14.1, 16.9, 15.2, 17.5, 0.7, 6.3, 3, 0.45, 0.9), // non-integer energies
            new CellularPottsParams(2, 11, 16, 16, 16, 40, 0, 10, 7, 0.5, 1.0), // no volume constraint, big cells
        };
        int cases = 0;
        for (int[] g : GRIDS) {
            for (CellularPottsParams p : params) {
                if (g[0] < 2 * p.cellSide() || g[1] < 2 * p.cellSide()) {
                    continue;
                }
                RunSpec spec = new RunSpec(g[0], g[1], 60, 15, 2026, cases);
                assertSameFrames(new ReferenceCellularPotts(), new CellularPottsSimulator(), p, spec,
                        "Cellular Potts " + p + " on " + g[0] + "×" + g[1]);
                cases++;
            }
        }
        assertTrue(cases >= 50, "every grid with most parameter sets, got " + cases);
    }

    @Test
    void cellularPottsLatticeMatchesTheReferenceAfterEveryMonteCarloStep() {
        CellularPottsParams p = CellularPottsParams.compuCell3dCellSort().withCoverage(0.7).withTemperature(9);
        for (int[] g : GRIDS) {
            if (g[0] < 2 * p.cellSide() || g[1] < 2 * p.cellSide()) {
                continue;
            }
            RunSpec spec = new RunSpec(g[0], g[1], 1, 1, 7, g[0]);
            var reference = ReferenceCellularPotts.Lattice.tiled(p, spec);
            var fast = CellularPottsSimulator.Lattice.tiled(p, spec);
            SplittableRandom referenceRng = new SplittableRandom(g[1]);
            SplittableRandom fastRng = new SplittableRandom(g[1]);
            var boltzmann = new CellularPottsSimulator.BoltzmannFactors(1.0 / p.temperature());
            for (int step = 0; step < 40; step++) {
                reference.monteCarloStep(p, p.contactMatrix(), referenceRng);
                fast.monteCarloStep(p, p.contactMatrix(), fastRng, boltzmann);
                String at = g[0] + "×" + g[1] + " after step " + step;
                assertArrayEquals(reference.id, fast.ids(), "cell ids, " + at);
                assertArrayEquals(reference.volume, fast.volume, "volumes, " + at);
                assertEquals(referenceRng.nextLong(), fastRng.nextLong(), "same number of draws, " + at);
            }
        }
    }

    @Test
    void boltzmannFactorsAreTheExactExponential() {
        var factors = new CellularPottsSimulator.BoltzmannFactors(1 / 9.7);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            // few distinct values, many repeats and slot collisions, plus arbitrary doubles
            double dH = i % 3 == 0 ? rng.nextDouble() * 100 : 0.5 * (1 + rng.nextInt(400));
            assertEquals(Double.doubleToRawLongBits(Math.exp(-dH * (1 / 9.7))), Double.doubleToRawLongBits(factors.of(dH)),
                    "ΔH " + dH);
        }
    }

    private static <P extends Record> void assertSameFrames(PatternSimulator<P> reference, PatternSimulator<P> fast, P p,
                                                            RunSpec spec, String what) {
        List<Frame> expected = new ArrayList<>();
        List<Frame> actual = new ArrayList<>();
        Frame expectedLast = reference.run(p, spec, (step, f) -> expected.add(f));
        Frame actualLast = fast.run(p, spec, (step, f) -> actual.add(f));
        assertEquals(expected.size(), actual.size(), what + ": frames");
        for (int i = 0; i < expected.size(); i++) {
            assertBits(expected.get(i).values(), actual.get(i).values(), what + ", frame " + i);
        }
        assertBits(expectedLast.values(), actualLast.values(), what + ", last frame");
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what + ": cell " + i + " differs, " + expected[i] + " vs " + actual[i]);
            }
        }
    }
}
