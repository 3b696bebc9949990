package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

/** Greenberg–Hastings ({@link GreenbergHastingsParams}) on a torus; frames hold states 0..n−1. */
public final class GreenbergHastingsSimulator implements PatternSimulator<GreenbergHastingsParams> {
    private static final byte EXCITED = 1;

    @Override
    public Frame run(GreenbergHastingsParams p, RunSpec spec, FrameSink sink) {
        int n = p.states();
        int row = p.neighbourhood().size() + 1;
        byte[] wanted = new byte[n];
        byte[] next = new byte[n * row];
        java.util.Arrays.fill(wanted, EXCITED);
        for (int c = 0; c < row; c++) {
            next[c] = c >= p.threshold() ? EXCITED : 0;
            for (int s = 1; s < n; s++) {
                next[s * row + c] = (byte) ((s + 1) % n);
            }
        }
        return new TableAutomaton(n, p.neighbourhood(), wanted, next).run(spec, sink);
    }
}
