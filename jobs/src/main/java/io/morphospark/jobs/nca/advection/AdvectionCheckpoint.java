package io.morphospark.jobs.nca.advection;

import io.morphospark.models.nca.advection.AdvectionTrainer;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * An {@code nca train-advection} run after {@code iterationsDone} iterations: the trainer (weights,
 * clipped Adam, pool; draws are keyed by iteration) and the loss history.
 */
record AdvectionCheckpoint(int iterationsDone, AdvectionTrainer.State trainer,
                           ArrayList<AdvectionTrainer.IterationResult> history) implements Serializable {
}
