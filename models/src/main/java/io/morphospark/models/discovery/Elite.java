package io.morphospark.models.discovery;

import java.io.Serializable;

/** An archive's occupant of one cell: the genome, its objective and descriptors, and which evaluation it was. */
public record Elite(int cell, double[] genome, double objective, double[] descriptors, int generation, int candidate)
        implements Serializable {
}
