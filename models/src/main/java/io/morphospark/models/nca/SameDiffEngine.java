package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** The SameDiff graphs ({@link NcaStep}, {@link StepGradient}) behind {@link NcaEngine}: runs on any ND4J backend. */
final class SameDiffEngine implements NcaEngine {
    private final NcaStep step;
    private final StepGradient gradient;
    private final Unroll unroll;

    SameDiffEngine(NcaParameters parameters, MlpForm form, FireMask fireMask) {
        this.step = NcaStep.build(parameters, form);
        this.gradient = new StepGradient(parameters, form);
        this.unroll = new Unroll(step, gradient, fireMask);
    }

    @Override
    public INDArray run(INDArray state, long run, int from, int steps, int stride, Growth.Observer observer) {
        INDArray x = state;
        if (observer != null && from == 0) {
            observer.frame(0, x);
        }
        for (int t = from; t < from + steps; t++) {
            x = step.next(x, unroll.fire(x, run, t));
            if (observer != null && (t + 1) % stride == 0) {
                observer.frame(t + 1, x);
            }
        }
        return x;
    }

    @Override
    public Rollout forward(INDArray start, long run, int steps) {
        return unroll.forward(start, run, steps);
    }

    @Override
    public Map<String, INDArray> backward(Rollout rollout, INDArray upstream) {
        return unroll.backward((Unroll.Tape) rollout, upstream);
    }

    @Override
    public void parametersChanged() {
        step.parametersChanged();
        gradient.parametersChanged();
    }
}
