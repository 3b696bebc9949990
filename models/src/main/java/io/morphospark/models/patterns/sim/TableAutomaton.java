package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.RunSpec;

import java.util.SplittableRandom;

/**
 * The engine behind the discrete automata: every rule whose next state depends only on the cell's
 * state and on how many neighbours are in one wanted state becomes two small tables,
 * {@code wanted[state]} and {@code next[state·(neighbours+1) + count]}. One tight loop then serves
 * the cyclic CA and Greenberg–Hastings alike, with no per-cell virtual calls. Both cycle through
 * their states, so their frames are cyclic.
 */
final class TableAutomaton {
    private final int states;
    private final Neighbourhood neighbourhood;
    private final byte[] wanted;
    private final byte[] next;

    TableAutomaton(int states, Neighbourhood neighbourhood, byte[] wanted, byte[] next) {
        if (wanted.length != states || next.length != states * (neighbourhood.size() + 1)) {
            throw new IllegalArgumentException("tables do not match " + states + " states");
        }
        this.states = states;
        this.neighbourhood = neighbourhood;
        this.wanted = wanted;
        this.next = next;
    }

    /** Uniformly random start: every state equally likely, independently per cell. */
    Frame run(RunSpec spec, FrameSink sink) {
        final int w = spec.width();
        final int h = spec.height();
        byte[] grid = new byte[PeriodicHalo.paddedSize(w, h)];
        byte[] spare = new byte[grid.length];
        byte[] counts = new byte[grid.length];
        SplittableRandom rng = spec.stream(RunSpec.StreamUse.INITIAL_STATE);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grid[PeriodicHalo.index(w, x, y)] = (byte) rng.nextInt(states);
            }
        }
        Frame frame = frame(grid, w, h);
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            step(grid, spare, counts, w, h);
            byte[] t = grid;
            grid = spare;
            spare = t;
            if (spec.records(step)) {
                frame = frame(grid, w, h);
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    void step(byte[] grid, byte[] out, byte[] counts, int w, int h) {
        PeriodicHalo.wrap(grid, w, h);
        StateCounts.count(grid, wanted, w, h, neighbourhood, counts);
        final int s = PeriodicHalo.stride(w);
        final int row = neighbourhood.size() + 1;
        for (int y = 1; y <= h; y++) {
            for (int i = y * s + 1, end = i + w; i < end; i++) {
                out[i] = next[grid[i] * row + counts[i]];
            }
        }
    }

    private Frame frame(byte[] grid, int w, int h) {
        return Frame.cyclic(w, h, states, PeriodicHalo.interior(grid, w, h));
    }
}
