package io.morphospark.jobs.classifier;

import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.models.classifier.PatternSample;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A checked, split dataset as {@code classifier train} consumes it: read through Spark on the
 * driver ({@link ClassifierData}) or, inside a Spark task where no session exists (a trial of
 * {@code --trials} or of a sweep), straight from the Parquet files by the task itself
 * ({@link LocalClassifierData}). Both give the same samples in the same order.
 */
interface TrainingSamples extends AutoCloseable {
    DatasetDirectory directory();

    /** The labels, sorted: a label's index is its position. */
    List<String> labels();

    int minSide();

    int maxSide();

    /** Samples in train, validation, test. */
    int[] splitCounts();

    /** Each sample's split. */
    Map<Long, String> split();

    /**
     * One pass over a split (all samples when {@code splitName} is null): shuffled by
     * {@code orderSeed} (sorted by Spark's {@code xxhash64(id, orderSeed)}, then id), or by height,
     * width and id when it is null; frames resized to {@code side} (0: as stored).
     */
    Iterator<PatternSample> stream(String splitName, Long orderSeed, int side, List<String> labelOrder);

    @Override
    default void close() {
    }
}
