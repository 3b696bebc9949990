package io.morphospark.models.discovery;

import java.io.Serializable;

/** How an archive divides the descriptor space [0, 1]^d into cells. */
public sealed interface CellLayout extends Serializable permits GridLayout, CvtLayout {
    int cells();

    /** The cell of a descriptor vector (values outside [0, 1] fall into the border cells). */
    int cellOf(double[] descriptors);

    /** A representative point of a cell (grid centre or CVT centroid). */
    double[] centre(int cell);

    String describe();
}
