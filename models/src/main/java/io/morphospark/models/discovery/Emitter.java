package io.morphospark.models.discovery;

import java.io.Serializable;
import java.util.List;

/**
 * Produces a batch of genomes from the archive each generation and learns from how they fared
 * (pyribs's emitters). Draws come from streams keyed by (seed, purpose, generation, offset + i),
 * {@code offset} being the emitter's first candidate in the population.
 */
public interface Emitter extends Serializable {
    String name();

    int batch();

    Batch emit(Archive archive, long seed, int generation, int offset);

    /** The archive's answer to each genome of the last batch, in order. */
    default void told(double[][] genomes, List<Archive.Insertion> insertions) {
    }
}
