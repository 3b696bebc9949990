package io.morphospark.models.regulatory;

/** How the two end cells of the row are treated. */
public enum Boundary {
    /** Edge cells average their single neighbour: s̄₀ = s₁ (REFERENCE.md §1 wording). */
    FREE,
    /**
     * Edge cells average their neighbour with an absent (zero) cell: s̄₀ = s₁ / 2, what a
     * {@code [½, 0, ½]} convolution with 'same' padding computes. Edge cells feel half the
     * inhibition, which breaks the 1010101 / 0101010 symmetry the way the seed's results show.
     */
    ZERO_PADDED,
    /** As FREE, and after every step the two outer cells are reset to 0. */
    FIXED
}
