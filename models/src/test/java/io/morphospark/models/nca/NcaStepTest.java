package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SameDiff step against the plain-Java reference, in float32, for both MLP forms. */
class NcaStepTest {
    private static final NcaConfig C = NcaConfig.SEED;

    @Test
    void seedModelHas8336Parameters() {
        assertEquals(48 * 128 + 128 + 128 * 16 + 16, C.parameterCount());
        NcaParameters p = NcaParameters.initial(C, 7);
        assertEquals(0.0, p.get("w2").amaxNumber().doubleValue(), 0.0, "last layer starts at zero");
        assertEquals(0.0, p.get("b2").amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void matmulStepMatchesReference() {
        assertMatchesReference(MlpForm.MATMUL);
    }

    @Test
    void conv1x1StepMatchesReference() {
        assertMatchesReference(MlpForm.CONV1X1);
    }

    private static void assertMatchesReference(MlpForm form) {
        NcaParameters p = NcaFixtures.randomParameters(C, 11, DataType.FLOAT);
        SplittableRandom r = new SplittableRandom(5);
        double[][][] a = NcaFixtures.randomGrid(C, 7, 9, r);
        double[][][] b = NcaFixtures.randomGrid(C, 7, 9, r);
        INDArray fire = FireMask.random(0.5, 3).sample(2, 7, 9, DataType.FLOAT, 0, 0);
        INDArray[] out = NcaStep.build(p, form).apply(Grids.batch(DataType.FLOAT, a, b), fire);
        ReferenceStep ref = new ReferenceStep(p);
        double[][][][] grids = {a, b};
        int alive = 0;
        int dead = 0;
        for (int s = 0; s < 2; s++) {
            double[][] f = new double[7][9];
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 9; x++) {
                    f[y][x] = fire.getDouble(s, y, x, 0);
                }
            }
            double[][][] expected = ref.apply(grids[s], f);
            double[][][] actual = Grids.grid(out[0], s);
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 9; x++) {
                    boolean isAlive = out[1].getDouble(s, y, x, 0) > 0;
                    if (isAlive) {
                        alive++;
                    } else {
                        dead++;
                    }
                    for (int k = 0; k < C.channels(); k++) {
                        assertEquals(expected[y][x][k], actual[y][x][k], 1e-5, "sample " + s + " cell " + y + "," + x + " channel " + k);
                    }
                }
            }
        }
        assertTrue(alive > 10 && dead > 10, "the state exercises both alive and dead cells: " + alive + "/" + dead);
    }

    @Test
    void fireMaskIsAPureFunctionOfItsKey() {
        INDArray m1 = FireMask.random(0.5, 9).sample(2, 16, 16, DataType.FLOAT, 4, 2);
        INDArray m2 = FireMask.random(0.5, 9).sample(2, 16, 16, DataType.FLOAT, 4, 2);
        INDArray m3 = FireMask.random(0.5, 9).sample(2, 16, 16, DataType.FLOAT, 4, 3);
        assertEquals(m1, m2);
        assertTrue(!m1.equals(m3));
        double rate = m1.meanNumber().doubleValue();
        assertTrue(rate > 0.4 && rate < 0.6, "rate " + rate);
    }

    @Test
    void distillsSeedCellAlsoSetsTheHiddenChannels() {
        INDArray s = Seeds.seed(C.withSeedCell(NcaConfig.SeedCell.ALPHA_HIDDEN), 1, 8, 8, DataType.FLOAT);
        assertEquals(C.channels() - NcaConfig.ALPHA, s.sumNumber().doubleValue(), 0.0);
        assertEquals(1.0, s.getDouble(0, 4, 4, C.channels() - 1), 0.0);
    }

    @Test
    void theNotebooksSeedCellSetsOnlyAlpha() {
        INDArray s = Seeds.seed(C, 1, 8, 8, DataType.FLOAT);
        assertEquals(1.0, s.sumNumber().doubleValue(), 0.0);
        assertEquals(1.0, s.getDouble(0, 4, 4, NcaConfig.ALPHA), 0.0);
    }

    @Test
    void seedHasOneLiveCellAtTheCentre() {
        INDArray s = Seeds.seed(C.withSeedCell(NcaConfig.SeedCell.ALPHA_HIDDEN), 1, 8, 8, DataType.FLOAT);
        assertEquals(1.0, s.getDouble(0, 4, 4, NcaConfig.ALPHA), 0.0);
        assertEquals(0.0, s.get(NDArrayIndex.point(0), NDArrayIndex.point(4), NDArrayIndex.point(4),
                NDArrayIndex.interval(0, 3)).sumNumber().doubleValue(), 0.0);
    }
}
