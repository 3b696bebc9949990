package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

/** Game of Life soups on the bit-parallel engine; frames hold 0/1. */
public final class GameOfLifeSimulator implements PatternSimulator<GameOfLifeParams> {

    @Override
    public Frame run(GameOfLifeParams p, RunSpec spec, FrameSink sink) {
        final int w = spec.width();
        final int h = spec.height();
        byte[] soup = BernoulliFieldSimulator.draw(p.density(), w * h, spec.stream(RunSpec.StreamUse.INITIAL_STATE));
        BitPackedLife life = BitPackedLife.of(soup, w, h, p.border());
        Frame frame = Frame.discrete(w, h, 2, soup);
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            life.step();
            if (spec.records(step)) {
                frame = Frame.discrete(w, h, 2, life.toCells());
                sink.frame(step, frame);
            }
        }
        return frame;
    }
}
