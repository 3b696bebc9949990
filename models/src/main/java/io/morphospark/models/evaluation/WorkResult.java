package io.morphospark.models.evaluation;

import io.morphospark.models.problem.BlockResult;

import java.io.Serializable;

/** A work item with what its evaluation returned. */
public record WorkResult(WorkItem item, BlockResult result) implements Serializable {
}
