package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backprop through time (SameDiff autodiff per step, chained by {@link Unroll}) against central
 * finite differences of the loss, in double precision, on a 6×6 grid over 3 stochastic steps.
 */
class GradientCheckTest {
    private static final NcaConfig C = NcaConfig.SEED;
    private static final int STEPS = 3;

    @Test
    void bpttGradientMatchesFiniteDifferences() {
        NcaParameters p = NcaFixtures.randomParameters(C, 21, DataType.DOUBLE);
        SplittableRandom r = new SplittableRandom(8);
        double[][][] g = NcaFixtures.randomGrid(C, 6, 6, r);
        for (double[][] row : g) {
            for (double[] cell : row) {
                cell[NcaConfig.ALPHA] += 0.2; // mostly alive, so the loss depends on many cells
            }
        }
        INDArray start = Grids.batch(DataType.DOUBLE, g);
        RgbaLoss loss = new RgbaLoss(Target.disc(6));

        Unroll unroll = new Unroll(NcaStep.build(p, MlpForm.MATMUL), new StepGradient(p, MlpForm.MATMUL), FireMask.random(0.5, 4));
        Unroll.Tape tape = unroll.forward(start, 0, STEPS);
        INDArray[] upstream = new INDArray[1];
        loss.withGradient(tape.last(), upstream);
        Map<String, INDArray> analytic = unroll.backward(tape, upstream[0]);

        double eps = 1e-6;
        int checked = 0;
        for (String name : NcaParameters.NAMES) {
            INDArray arr = p.get(name);
            for (long i : new long[] {0, arr.length() / 3, arr.length() - 1}) {
                double original = arr.getDouble(i);
                arr.putScalar(i, original + eps);
                double plus = lossAfterSteps(p, start, loss);
                arr.putScalar(i, original - eps);
                double minus = lossAfterSteps(p, start, loss);
                arr.putScalar(i, original);
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic.get(name).getDouble(i);
                assertEquals(numeric, a, 1e-6 + 1e-4 * Math.abs(numeric), name + "[" + i + "]");
                if (Math.abs(numeric) > 1e-8) {
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "most checked gradients are non-trivial: " + checked);
    }

    /** A fresh graph each time: parameters are read when it is built. */
    private static double lossAfterSteps(NcaParameters p, INDArray start, RgbaLoss loss) {
        NcaParameters copy = p.copy();
        Unroll u = new Unroll(NcaStep.build(copy, MlpForm.MATMUL), new StepGradient(copy, MlpForm.MATMUL), FireMask.random(0.5, 4));
        return RgbaLoss.mean(loss.perSample(u.forward(start, 0, STEPS).last()));
    }
}
