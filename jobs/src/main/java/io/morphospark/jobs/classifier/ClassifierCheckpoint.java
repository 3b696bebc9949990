package io.morphospark.jobs.classifier;

import java.io.Serializable;
import java.util.List;

/**
 * Where a {@code classifier train} run stands after an epoch. The network itself (weights, batch
 * norm statistics, Adam's moments and step count) is in {@code modelFile} beside it, written
 * before this record, so the record never names a model that is not on disk.
 */
record ClassifierCheckpoint(int epochsDone, List<EpochRecord> history, int bestEpoch, double bestValidationAccuracy,
                            boolean stopped, String modelFile, String bestFile) implements Serializable {
    record EpochRecord(int epoch, double loss, double trainAccuracy, double validationAccuracy, double samplesPerSecond,
                       double millis) implements Serializable {
    }
}
