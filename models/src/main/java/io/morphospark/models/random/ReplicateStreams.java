package io.morphospark.models.random;

import java.io.Serializable;
import java.util.SplittableRandom;

/** The streams of one candidate's replicates: (seed, purpose, generation, candidate, replicate). */
public record ReplicateStreams(long seed, Purpose purpose, int generation, int candidate) implements Serializable {
    public SplittableRandom replicate(int replicate) {
        return RandomStreams.stream(seed, purpose, generation, candidate, replicate);
    }
}
