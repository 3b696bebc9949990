package io.morphospark.models.patterns;

/**
 * Receives the recorded frames of one run, the steps its {@link FrameSchedule} names. Each frame is a fresh copy the sink may keep or drop, so a caller stores every k-th frame
 * (to Parquet, to a list) without the simulator ever holding a trajectory.
 */
@FunctionalInterface
public interface FrameSink {
    FrameSink NONE = (step, frame) -> { };

    void frame(int step, Frame frame);
}
