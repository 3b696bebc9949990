package io.morphospark.models.evaluation;

import java.io.Serializable;

/** One unit of fan-out: replicates [firstReplicate, firstReplicate+count) of one candidate. */
public record WorkItem(int candidate, int firstReplicate, int count) implements Serializable {
}
