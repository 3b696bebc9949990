package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/**
 * Greenberg–Hastings excitable medium: state 0 is resting, 1 excited, 2..n−1 refractory. A resting
 * cell becomes excited when at least {@code threshold} neighbours are excited; every other state
 * advances by one, the last refractory state returning to rest. From a random start, broken
 * excitation fronts curl into spirals.
 */
public record GreenbergHastingsParams(int states, int threshold, Neighbourhood neighbourhood) implements Serializable {

    public GreenbergHastingsParams {
        Checks.present("neighbourhood", neighbourhood);
        CyclicCaParams.STATES.check(states); // the same cyclic state space
        CyclicCaParams.THRESHOLD.check(threshold);
        if (threshold > neighbourhood.size()) {
            throw new IllegalArgumentException("threshold must be at most the " + neighbourhood.size()
                    + " neighbours of " + neighbourhood + ", got " + threshold);
        }
    }
}
