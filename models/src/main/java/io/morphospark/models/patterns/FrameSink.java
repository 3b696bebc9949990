package io.morphospark.models.patterns;

/**
 * Receives the recorded frames of one run: step 0, every {@code frameStride}-th step and the last
 * step. Each frame is a fresh copy the sink may keep or drop, so a caller stores every k-th frame
 * (to Parquet, to a list) without the simulator ever holding a trajectory.
 */
@FunctionalInterface
public interface FrameSink {
    FrameSink NONE = (step, frame) -> { };

    void frame(int step, Frame frame);
}
