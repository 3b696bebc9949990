package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

/** The cyclic cellular automaton ({@link CyclicCaParams}) on a torus; frames hold states 0..n−1. */
public final class CyclicCaSimulator implements PatternSimulator<CyclicCaParams> {

    @Override
    public Frame run(CyclicCaParams p, RunSpec spec, FrameSink sink) {
        return automaton(p).run(spec, sink);
    }

    static TableAutomaton automaton(CyclicCaParams p) {
        int n = p.states();
        int row = p.neighbourhood().size() + 1;
        byte[] wanted = new byte[n];
        byte[] next = new byte[n * row];
        for (int s = 0; s < n; s++) {
            wanted[s] = (byte) ((s + 1) % n);
            for (int c = 0; c < row; c++) {
                next[s * row + c] = c >= p.threshold() ? wanted[s] : (byte) s;
            }
        }
        return new TableAutomaton(n, p.neighbourhood(), wanted, next);
    }
}
