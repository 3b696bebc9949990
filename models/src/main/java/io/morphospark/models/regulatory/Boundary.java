package io.morphospark.models.regulatory;

/** How the two end cells of the row are treated. */
public enum Boundary {
    /** Edge cells average their single neighbour. */
    FREE,
    /** As FREE, and after every step the two outer cells are reset to 0. */
    FIXED
}
