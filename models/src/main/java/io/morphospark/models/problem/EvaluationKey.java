package io.morphospark.models.problem;

import java.io.Serializable;

/** Which candidate of which generation of which run a block of replicates belongs to. */
public record EvaluationKey(long seed, int generation, int candidate) implements Serializable {
}
