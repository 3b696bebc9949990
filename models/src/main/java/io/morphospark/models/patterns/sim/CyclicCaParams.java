package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;
import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

/**
 * Griffeath's cyclic cellular automaton: a cell in state s advances to s+1 (mod n) when at least
 * {@code threshold} neighbours are already in s+1. From a uniformly random start, suitable rules
 * self-organise into rotating spirals, e.g. "CCA" 14 states / threshold 1 / von Neumann and
 * "Perfect spirals" 4 states / threshold 3 / Moore (Fisch, Gravner &amp; Griffeath 1991; rule names
 * from the CCA rule tables collected by Rampe).
 */
public record CyclicCaParams(int states, int threshold, Neighbourhood neighbourhood) implements Serializable {
    public static final int MAX_STATES = 64;
    /** At least 3 states make a cycle; at most 64 keep a frame's states in a byte with room to spare. */
    public static final ParamSpec STATES = ParamSpec.integer("states", 3, MAX_STATES);
    /** At least one neighbour; at most the largest neighbourhood (the Moore one), checked against the chosen one below. */
    public static final ParamSpec THRESHOLD = ParamSpec.integer("threshold", 1, Neighbourhood.MOORE.size());
    /** Every numeric parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(STATES, THRESHOLD);

    public CyclicCaParams {
        Checks.present("neighbourhood", neighbourhood);
        STATES.check(states);
        THRESHOLD.check(threshold);
        if (threshold > neighbourhood.size()) {
            throw new IllegalArgumentException("threshold must be at most the " + neighbourhood.size()
                    + " neighbours of " + neighbourhood + ", got " + threshold);
        }
    }
}
