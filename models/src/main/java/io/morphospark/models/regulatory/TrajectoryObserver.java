package io.morphospark.models.regulatory;

/** Receives the states of a block of replicates at recorded steps (step 0 is the initial state). */
@FunctionalInterface
public interface TrajectoryObserver {
    /** {@code states[r * cells + i]} is cell i of the block's r-th replicate; valid only during the call. */
    void frame(int step, float[] states, int replicates, int cells);
}
