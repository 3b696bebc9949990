package io.morphospark.models.patterns;

import java.io.Serializable;

/**
 * Which steps of a run are recorded as frames; the one place that decides it, so every simulator
 * records the same steps. Either {@code frames} frames evenly spaced over the run, frame k of F at
 * step round(k·steps/(F−1)) (the first and last included; one frame is the last step), or every
 * {@code stride}-th step plus the last (stride 0: the first and last step only).
 */
public record FrameSchedule(int frames, int stride) implements Serializable {
    /** Step 0 and the last step. */
    public static final FrameSchedule FIRST_AND_LAST = new FrameSchedule(0, 0);

    public FrameSchedule {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        if (stride < 0) {
            throw new IllegalArgumentException("frame-stride must be non-negative, got " + stride);
        }
        if (frames > 0 && stride > 0) {
            throw new IllegalArgumentException("give a number of frames or a frame stride, not both");
        }
    }

    /** {@code frames} frames evenly spaced over the run, the first and last step included. */
    public static FrameSchedule evenly(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        return new FrameSchedule(frames, 0);
    }

    /** Step 0, every {@code stride}-th step and the last step. */
    public static FrameSchedule every(int stride) {
        return new FrameSchedule(0, stride);
    }

    public boolean isEven() {
        return frames > 0;
    }

    /**
     * Refuses a schedule that cannot be kept in a run of {@code steps} steps: more evenly spaced
     * frames than there are distinct steps (F > steps + 1) would record some step twice.
     */
    public void check(int steps) {
        if (frames > steps + 1) {
            throw new IllegalArgumentException("frames: " + frames + " evenly spaced frames need at least " + (frames - 1)
                    + " steps, got " + steps);
        }
    }

    /** The step of frame {@code k} of an even schedule: round(k·steps/(F−1)), in exact integer arithmetic. */
    public int step(int k, int steps) {
        if (!isEven() || k < 0 || k >= frames) {
            throw new IllegalArgumentException("frame " + k + " is not one of the " + frames + " evenly spaced frames");
        }
        if (frames == 1) {
            return steps;
        }
        long denominator = frames - 1L;
        return (int) ((2L * k * steps + denominator) / (2 * denominator)); // round half up of k·steps/(F−1)
    }

    /** Whether the frame after {@code step} of a run of {@code steps} steps is recorded. */
    public boolean records(int step, int steps) {
        if (step == steps) {
            return true; // the last step ends every schedule
        }
        if (!isEven()) {
            return step == 0 || (stride > 0 && step % stride == 0);
        }
        if (frames == 1) {
            return false;
        }
        long k = (long) step * (frames - 1) / steps; // frame k's step is within one frame interval of step
        for (long c = Math.max(0, k - 1); c <= Math.min(frames - 1L, k + 1); c++) {
            if (step((int) c, steps) == step) {
                return true;
            }
        }
        return false;
    }

    /** How many frames a run of {@code steps} steps records. */
    public int count(int steps) {
        if (isEven()) {
            return frames;
        }
        if (steps == 0) {
            return 1;
        }
        if (stride == 0) {
            return 2;
        }
        return steps / stride + 1 + (steps % stride != 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return isEven() ? frames + " evenly spaced frames" : stride == 0 ? "first and last step" : "every " + stride + " steps";
    }
}
