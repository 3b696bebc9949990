package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/**
 * Griffeath's cyclic cellular automaton: a cell in state s advances to s+1 (mod n) when at least
 * {@code threshold} neighbours are already in s+1. From a uniformly random start, suitable rules
 * self-organise into rotating spirals, e.g. "CCA" 14 states / threshold 1 / von Neumann and
 * "Perfect spirals" 4 states / threshold 3 / Moore (Fisch, Gravner &amp; Griffeath 1991; rule names
 * from the CCA rule tables collected by Rampe).
 */
public record CyclicCaParams(int states, int threshold, Neighbourhood neighbourhood) implements Serializable {
    public static final int MAX_STATES = 64;

    public CyclicCaParams {
        Checks.present("neighbourhood", neighbourhood);
        Checks.atLeast("states", states, 3);
        if (states > MAX_STATES) {
            throw new IllegalArgumentException("states must be at most " + MAX_STATES + ", got " + states);
        }
        Checks.atLeast("threshold", threshold, 1);
        if (threshold > neighbourhood.size()) {
            throw new IllegalArgumentException("threshold must be at most the " + neighbourhood.size()
                    + " neighbours of " + neighbourhood + ", got " + threshold);
        }
    }
}
