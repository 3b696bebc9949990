package io.morphospark.models.discovery;

import io.morphospark.models.problem.BlockResult;

/**
 * What one work item returns: for each of its (scenario × replicate) runs the scenario score and
 * the final polar order, homotypic fraction and pattern complexity (behaviour descriptors).
 */
public record ReplicateScores(int firstReplicate, int count, double[] score, double[] polarOrder, double[] homotypic,
                              double[] complexity) implements BlockResult {
}
