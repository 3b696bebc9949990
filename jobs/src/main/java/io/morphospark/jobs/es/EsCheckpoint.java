package io.morphospark.jobs.es;

import io.morphospark.models.optim.Optimizer;

import java.io.Serializable;

/** A run after a whole generation: the optimiser (random-stream counters included) and the record. */
record EsCheckpoint(Optimizer optimizer, EsRecord record) implements Serializable {
}
