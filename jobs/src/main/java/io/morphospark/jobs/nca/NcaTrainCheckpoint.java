package io.morphospark.jobs.nca;

import io.morphospark.models.nca.NcaTrainer;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * An {@code nca train} run after {@code epochsDone} epochs: the trainer (parameters, Adam, pool;
 * the random draws are keyed by epoch, so they need no state), the loss history and the
 * growth-from-seed validation with its best parameters.
 */
record NcaTrainCheckpoint(int epochsDone, NcaTrainer.State trainer, ArrayList<NcaTrainer.EpochResult> history,
                          GrowthValidation.Record validation) implements Serializable {
}
