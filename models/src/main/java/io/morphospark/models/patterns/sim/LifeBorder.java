package io.morphospark.models.patterns.sim;

/** What lies beyond the edges of a Game of Life grid. */
public enum LifeBorder {
    /** Opposite edges meet. */
    TORUS,
    /** Permanently dead cells. */
    DEAD
}
