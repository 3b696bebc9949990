package io.morphospark.models.nca;

import io.morphospark.models.nca.cpu.FusedCpuEngine;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused CPU engine against the plain-Java reference (forward) and SameDiff's autodiff (backward). */
class NcaEngineTest {
    private static final NcaConfig C = NcaConfig.SEED;

    @Test
    void fusedStepMatchesReference() {
        assertStepMatchesReference(7, 9);
        assertStepMatchesReference(5, 40); // wider than one vector pair: the row tail is masked
    }

    @Test
    void oddShapesArePaddedInternally() {
        NcaConfig odd = new NcaConfig(5, 7);
        NcaParameters p = NcaFixtures.randomParameters(odd, 3, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(2);
        double[][][] g = NcaFixtures.randomGrid(odd, 6, 5, r);
        INDArray next = NcaEngine.create(NcaEngine.Kind.FUSED, p, 1.0, 0, false).run(Grids.batch(DataType.FLOAT, g), 0, 0, 1, 1, null);
        assertGridsClose(new ReferenceStep(p).apply(g, ones(6, 5)), Grids.grid(next, 0), 1e-5);
    }

    @Test
    void fusedGradientsMatchSameDiff() {
        NcaParameters p = NcaFixtures.randomParameters(C, 21, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(8);
        INDArray start = Grids.batch(DataType.FLOAT, mostlyAlive(10, 10, r), mostlyAlive(10, 10, r));
        assertGradientsMatchSameDiff(p, start, new RgbaLoss(Target.disc(10)));
    }

    @Test
    void fusedGradientsMatchSameDiffWhereRowsAreSkipped() {
        // growth from a seed: most rows are far from any living cell, so the fused engine skips them
        NcaParameters p = NcaFixtures.randomParameters(C, 13, DataType.FLOAT);
        INDArray start = Seeds.seed(C, 2, 24, 24, DataType.FLOAT);
        assertGradientsMatchSameDiff(p, start, new RgbaLoss(Target.disc(24)));
    }

    private static void assertGradientsMatchSameDiff(NcaParameters p, INDArray start, RgbaLoss loss) {
        Map<String, INDArray> expected = gradients(NcaEngine.create(NcaEngine.Kind.MATMUL, p, 0.5, 4, false), start, loss);
        Map<String, INDArray> actual = gradients(NcaEngine.create(NcaEngine.Kind.FUSED, p, 0.5, 4, false), start, loss);
        for (String name : NcaParameters.NAMES) {
            double scale = expected.get(name).amaxNumber().doubleValue();
            assertTrue(scale > 1e-6, name + " has a gradient");
            double diff = expected.get(name).sub(actual.get(name)).amaxNumber().doubleValue();
            assertTrue(diff <= 1e-4 * scale, name + ": max difference " + diff + " against max " + scale);
        }
    }

    @Test
    void threadsDoNotChangeABit() {
        NcaParameters p = NcaFixtures.randomParameters(C, 5, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(1);
        INDArray start = Grids.batch(DataType.FLOAT, mostlyAlive(33, 21, r), mostlyAlive(33, 21, r));
        RgbaLoss loss = new RgbaLoss(Target.disc(21).placedIn(33, 21));
        NcaEngine sequential = new FusedCpuEngine(p, FireMask.random(0.5, 7), false);
        NcaEngine parallel = new FusedCpuEngine(p, FireMask.random(0.5, 7), true);
        assertEquals(sequential.forward(start, 3, 4).last(), parallel.forward(start, 3, 4).last());
        Map<String, INDArray> a = gradients(sequential, start, loss);
        Map<String, INDArray> b = gradients(parallel, start, loss);
        for (String name : NcaParameters.NAMES) {
            assertArrayEquals(a.get(name).data().asFloat(), b.get(name).data().asFloat(), 0f, name);
        }
    }

    private static Map<String, INDArray> gradients(NcaEngine engine, INDArray start, RgbaLoss loss) {
        NcaEngine.Rollout rollout = engine.forward(start, 0, 4);
        INDArray[] upstream = new INDArray[1];
        loss.withGradient(rollout.last(), upstream);
        return engine.backward(rollout, upstream[0]);
    }

    private static void assertStepMatchesReference(int h, int w) {
        NcaParameters p = NcaFixtures.randomParameters(C, 11, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(5);
        double[][][] a = NcaFixtures.randomGrid(C, h, w, r);
        double[][][] b = NcaFixtures.randomGrid(C, h, w, r);
        INDArray next = NcaEngine.create(NcaEngine.Kind.FUSED, p, 0.5, 3, true)
                .run(Grids.batch(DataType.FLOAT, a, b), 0, 0, 1, 1, null);
        INDArray fire = FireMask.random(0.5, 3).sample(2, h, w, DataType.FLOAT, 0, 0);
        ReferenceStep ref = new ReferenceStep(p);
        double[][][][] grids = {a, b};
        int alive = 0;
        for (int s = 0; s < 2; s++) {
            double[][] f = new double[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    f[y][x] = fire.getDouble(s, y, x, 0);
                }
            }
            double[][][] expected = ref.apply(grids[s], f);
            alive += assertGridsClose(expected, Grids.grid(next, s), 1e-5);
        }
        assertTrue(alive > 10 && alive < 2 * h * w - 10, "both alive and dead cells: " + alive);
    }

    /** Returns the number of cells the expected grid keeps alive. */
    private static int assertGridsClose(double[][][] expected, double[][][] actual, double tolerance) {
        int alive = 0;
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[0].length; x++) {
                boolean any = false;
                for (int k = 0; k < expected[0][0].length; k++) {
                    assertEquals(expected[y][x][k], actual[y][x][k], tolerance, "cell " + y + "," + x + " channel " + k);
                    any |= expected[y][x][k] != 0;
                }
                alive += any ? 1 : 0;
            }
        }
        return alive;
    }

    private static double[][] ones(int h, int w) {
        double[][] f = new double[h][w];
        for (double[] row : f) {
            java.util.Arrays.fill(row, 1.0);
        }
        return f;
    }

    private static double[][][] mostlyAlive(int h, int w, SplittableRandom r) {
        double[][][] g = NcaFixtures.randomGrid(C, h, w, r);
        for (double[][] row : g) {
            for (double[] cell : row) {
                cell[NcaConfig.ALPHA] += 0.2;
            }
        }
        return g;
    }
}
