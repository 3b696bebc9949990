package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.SplittableRandom;

/**
 * Spatially uncorrelated noise, the null model of the pattern classes. It has no dynamics: every
 * step redraws the field from the step's own stream, so recorded frames are independent fields.
 */
public final class BernoulliFieldSimulator implements PatternSimulator<BernoulliFieldParams> {

    @Override
    public Frame run(BernoulliFieldParams p, RunSpec spec, FrameSink sink) {
        Frame frame = null;
        for (int step = 0; step <= spec.steps(); step++) {
            if (spec.records(step)) {
                SplittableRandom rng = step == 0 ? spec.stream(RunSpec.StreamUse.INITIAL_STATE)
                        : spec.stream(RunSpec.StreamUse.DYNAMICS, step);
                frame = Frame.discrete(spec.width(), spec.height(), 2, draw(p.density(), spec.cells(), rng));
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    static byte[] draw(double density, int cells, SplittableRandom rng) {
        byte[] b = new byte[cells];
        for (int i = 0; i < cells; i++) {
            b[i] = (byte) (rng.nextDouble() < density ? 1 : 0);
        }
        return b;
    }
}
