package io.morphospark.models.nca.advection;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written backward pass (network, clamps, transport with both limiters and velocity
 * noise, chained over steps) against central finite differences of the loss, in double
 * precision, on a 6×5 grid, batch 2, 3 stochastic steps.
 */
class AdvectionGradientCheckTest {
    private static final int H = 6;
    private static final int W = 5;
    private static final int STEPS = 3;
    private static final TransportSettings TRANSPORT = new TransportSettings(0.25, 2, 0.08, 0.6, 0.25);
    private static final Architecture ARCH = new Architecture(7, 5);

    @Test
    void bpttGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(17);
        AdvectionParameters p = new AdvectionParameters(ARCH, Fields.uniform(r, ARCH.parameterCount(), -0.4, 0.4));
        double[][] start = {randomState(r), randomState(r)};
        double[] target = Fields.uniform(r, H * W, 0, 1);
        double[][] goals = {GoalSignal.of(target, H, W), GoalSignal.of(Fields.uniform(r, H * W, 0, 1), H, W)};
        AdvectionLoss loss = new AdvectionLoss(0.1);

        AdvectionNca nca = new AdvectionNca(p, TRANSPORT, 0.5, DataType.DOUBLE);
        Rollout rollout = new Rollout(nca, H, W, 4);
        List<double[][]> tape = Rollout.tape();
        double[][] last = rollout.run(start, goals, 0, STEPS, tape, null);
        double[][] gradLast = new double[2][];
        loss.evaluate(last, goals, gradLast);
        double[] analytic = new double[ARCH.parameterCount()];
        double[][] gradStart = Rollout.backward(nca, rollout, tape, goals, 0, gradLast, analytic);

        double eps = 1e-6;
        int checked = 0;
        double[] v = p.values();
        for (int i = 0; i < v.length; i += 9) {
            double original = v[i];
            v[i] = original + eps;
            double plus = lossAfterSteps(nca, start, goals, loss);
            v[i] = original - eps;
            double minus = lossAfterSteps(nca, start, goals, loss);
            v[i] = original;
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic[i], 1e-7 + 1e-4 * Math.abs(numeric), "parameter " + i);
            checked += Math.abs(numeric) > 1e-6 ? 1 : 0;
        }
        assertTrue(checked > 25, "most checked gradients are non-trivial: " + checked);
        // and the gradient w.r.t. the start state: mass (through the transport) and velocity
        for (int cell : new int[] {3, 14, 22}) {
            for (int c : new int[] {Channels.MASS, Channels.VX, Channels.VY, Channels.HIDDEN + 2}) {
                int k = cell * Channels.COUNT + c;
                double original = start[1][k];
                start[1][k] = original + eps;
                double plus = lossAfterSteps(nca, start, goals, loss);
                start[1][k] = original - eps;
                double minus = lossAfterSteps(nca, start, goals, loss);
                start[1][k] = original;
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, gradStart[1][k], 1e-7 + 1e-4 * Math.abs(numeric), "state cell " + cell + " channel " + c);
            }
        }
    }

    /** The loss after the steps with the parameters' current values. */
    private static double lossAfterSteps(AdvectionNca nca, double[][] start, double[][] goals, AdvectionLoss loss) {
        nca.parametersChanged();
        double[][] last = new Rollout(nca, H, W, 4).run(start, goals, 0, STEPS, null, null);
        return loss.evaluate(last, goals, null).total();
    }

    /** Mass in [0, 0.7] (some cells above the 0.6 capacity), velocities inside (−1, 1), other channels in ±1. */
    private static double[] randomState(SplittableRandom r) {
        double[] s = new double[H * W * Channels.COUNT];
        for (int i = 0; i < H * W; i++) {
            for (int c = 0; c < Channels.COUNT; c++) {
                s[i * Channels.COUNT + c] = c == Channels.MASS ? r.nextDouble(0, 0.7)
                        : c < Channels.RGB ? r.nextDouble(0.05, 0.95) : r.nextDouble(-0.9, 0.9);
            }
        }
        return s;
    }
}
