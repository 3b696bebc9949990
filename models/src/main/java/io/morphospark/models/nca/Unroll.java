package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backprop through time over a run of steps: the forward pass keeps each step's input state and
 * alive mask (one state per step: ≈1 MB for 4 × 64 × 64 × 16 floats, ≈100 MB for 95 steps); the
 * backward pass walks them in reverse, redrawing the fire masks from their streams, and chains
 * {@link StepGradient}s. Memory stays bounded however long the unroll.
 */
final class Unroll {
    private final NcaStep step;
    private final StepGradient gradient;
    private final FireMask fireMask;

    Unroll(NcaStep step, StepGradient gradient, FireMask fireMask) {
        this.step = step;
        this.gradient = gradient;
        this.fireMask = fireMask;
    }

    /** Fire masks of a run are keyed by (run, step). */
    INDArray fire(INDArray state, long run, int t) {
        return fireMask.sample((int) state.size(0), (int) state.size(1), (int) state.size(2), state.dataType(), run, t);
    }

    /** Runs {@code steps} steps from {@code start}; the tape holds what the backward pass needs. */
    Tape forward(INDArray start, long run, int steps) {
        Tape tape = new Tape(run);
        INDArray x = start;
        for (int t = 0; t < steps; t++) {
            INDArray[] out = step.apply(x, fire(x, run, t));
            tape.inputs.add(x);
            tape.alive.add(out[1].dup());
            x = out[0].dup();
        }
        tape.last = x;
        return tape;
    }

    /** Parameter gradients of ⟨upstream, final state⟩, i.e. of the loss whose gradient w.r.t. the final state is upstream. */
    Map<String, INDArray> backward(Tape tape, INDArray upstream) {
        Map<String, INDArray> sum = new LinkedHashMap<>();
        INDArray g = upstream;
        for (int t = tape.inputs.size() - 1; t >= 0; t--) {
            INDArray x = tape.inputs.get(t);
            Map<String, INDArray> grads = gradient.apply(x, fire(x, tape.run, t), tape.alive.get(t), g);
            for (String name : NcaParameters.NAMES) {
                sum.merge(name, grads.get(name).dup(), INDArray::addi);
            }
            g = grads.get(NcaStep.STATE).dup();
        }
        return sum;
    }

    static final class Tape implements NcaEngine.Rollout {
        final long run;
        final List<INDArray> inputs = new ArrayList<>();
        final List<INDArray> alive = new ArrayList<>();
        INDArray last;

        Tape(long run) {
            this.run = run;
        }

        @Override
        public INDArray last() {
            return last;
        }
    }
}
