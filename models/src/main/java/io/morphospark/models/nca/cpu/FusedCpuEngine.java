package io.morphospark.models.nca.cpu;

import io.morphospark.models.nca.FireMask;
import io.morphospark.models.nca.Growth;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaParameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link NcaEngine} on {@link FusedStep}: states stay in the kernel's bordered layout for a whole
 * run and become NHWC INDArrays only where the caller sees them (observed frames, last state).
 */
public final class FusedCpuEngine implements NcaEngine {
    private final NcaParameters parameters;
    private final FusedStep step;
    private final FireMask fireMask;

    /** @param parallel split each step over the common fork-join pool (false inside already-parallel callers) */
    public FusedCpuEngine(NcaParameters parameters, FireMask fireMask, boolean parallel) {
        this.parameters = parameters;
        this.step = new FusedStep(parameters, parallel);
        this.fireMask = fireMask;
    }

    @Override
    public INDArray run(INDArray state, long run, int from, int steps, int stride, Growth.Observer observer) {
        GridLayout l = GridLayout.of(state);
        float[] x = l.fromNhwc(state);
        if (observer != null && from == 0) {
            observer.frame(0, state);
        }
        float[] alive = new float[l.maskSize()];
        for (int t = from; t < from + steps; t++) {
            x = step.forward(l, x, fire(l, run, t), alive);
            if (observer != null && (t + 1) % stride == 0) {
                observer.frame(t + 1, l.toNhwc(x, state.dataType()));
            }
        }
        return l.toNhwc(x, state.dataType());
    }

    @Override
    public Rollout forward(INDArray start, long run, int steps) {
        GridLayout l = GridLayout.of(start);
        Tape tape = new Tape(l, run, start.dataType());
        float[] x = l.fromNhwc(start);
        for (int t = 0; t < steps; t++) {
            float[] alive = new float[l.maskSize()];
            tape.inputs.add(x);
            tape.alive.add(alive);
            x = step.forward(l, x, fire(l, run, t), alive);
        }
        tape.last = x;
        return tape;
    }

    @Override
    public Map<String, INDArray> backward(Rollout rollout, INDArray upstream) {
        Tape tape = (Tape) rollout;
        GridLayout l = tape.layout;
        GradientSums sums = step.newGradientSums(l);
        float[] g = l.fromNhwc(upstream);
        for (int t = tape.inputs.size() - 1; t >= 0; t--) {
            g = step.backward(l, tape.inputs.get(t), fire(l, tape.run, t), tape.alive.get(t), g, sums);
        }
        NcaConfig c = parameters.config();
        double[][] total = sums.total(c);
        DataType type = parameters.dataType();
        Map<String, INDArray> grads = new LinkedHashMap<>();
        grads.put("w1", Nd4j.create(total[0], new long[] {c.features(), c.hidden()}, DataType.DOUBLE).castTo(type));
        grads.put("b1", Nd4j.create(total[1], new long[] {c.hidden()}, DataType.DOUBLE).castTo(type));
        grads.put("w2", Nd4j.create(total[2], new long[] {c.hidden(), c.channels()}, DataType.DOUBLE).castTo(type));
        grads.put("b2", Nd4j.create(total[3], new long[] {c.channels()}, DataType.DOUBLE).castTo(type));
        return grads;
    }

    @Override
    public void parametersChanged() {
        step.setParameters(parameters);
    }

    private float[] fire(GridLayout l, long run, int t) {
        return l.maskFrom(fireMask.draw(l.batch(), l.height(), l.width(), run, t));
    }

    private static final class Tape implements Rollout {
        final GridLayout layout;
        final long run;
        final DataType type;
        final List<float[]> inputs = new ArrayList<>();
        final List<float[]> alive = new ArrayList<>();
        float[] last;

        Tape(GridLayout layout, long run, DataType type) {
            this.layout = layout;
            this.run = run;
            this.type = type;
        }

        @Override
        public INDArray last() {
            return layout.toNhwc(last, type);
        }
    }
}
