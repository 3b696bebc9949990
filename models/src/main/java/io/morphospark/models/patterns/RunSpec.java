package io.morphospark.models.patterns;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * What every pattern run needs besides its model parameters: grid size, number of steps, which
 * steps to record as frames, and the (seed, sample) key of its random streams.
 *
 * @param frames the recorded steps; {@link FrameSchedule#records} is the only rule simulators follow
 */
public record RunSpec(int width, int height, int steps, FrameSchedule frames, long seed, long sampleId) implements Serializable {
    public static final int MIN_SIDE = 4;
    /** Cells of the largest grid: a frame's values must fit one Java array of floats with room to spare. */
    public static final int MAX_CELLS = Integer.MAX_VALUE / 4;
    /**
     * Steps of a run. The last int is excluded because the simulators' loops run while step ≤ steps.
     * Shared with the sweep validator, which checks every steps value a spec can draw against it.
     */
    public static final ParamSpec STEPS = ParamSpec.integer("steps", 0, Integer.MAX_VALUE - 1);

    /** Records step 0, every {@code frameStride}-th step and the last step (0: only the first and last). */
    public RunSpec(int width, int height, int steps, int frameStride, long seed, long sampleId) {
        this(width, height, steps, FrameSchedule.every(frameStride), seed, sampleId);
    }

    public RunSpec {
        if (width < MIN_SIDE) {
            throw new IllegalArgumentException("width must be at least " + MIN_SIDE + ", got " + width);
        }
        if (height < MIN_SIDE) {
            throw new IllegalArgumentException("height must be at least " + MIN_SIDE + ", got " + height);
        }
        if ((long) width * height > MAX_CELLS) {
            throw new IllegalArgumentException("grid " + width + " × " + height + " is too large (at most " + MAX_CELLS + " cells)");
        }
        STEPS.check(steps);
        Checks.present("frames", frames).check(steps);
    }

    public static RunSpec of(int side, int steps, long seed, long sampleId) {
        return new RunSpec(side, side, steps, FrameSchedule.FIRST_AND_LAST, seed, sampleId);
    }

    public RunSpec withSteps(int newSteps) {
        return new RunSpec(width, height, newSteps, frames, seed, sampleId);
    }

    public RunSpec withFrames(FrameSchedule schedule) {
        return new RunSpec(width, height, steps, schedule, seed, sampleId);
    }

    public int cells() {
        return width * height;
    }

    /** The stream of one use inside this sample: (seed, SIMULATION, sample, use). */
    public SplittableRandom stream(StreamUse use) {
        return RandomStreams.stream(seed, Purpose.SIMULATION, sampleId, use.code);
    }

    /** A per-step stream of one use: (seed, SIMULATION, sample, use, step). */
    public SplittableRandom stream(StreamUse use, long step) {
        return RandomStreams.stream(seed, Purpose.SIMULATION, sampleId, use.code, step);
    }

    /** Whether the frame after {@code step} is recorded. */
    public boolean records(int step) {
        return frames.records(step, steps);
    }

    /** The uses of randomness inside one run; their codes are part of stream keys, never reuse one. */
    public enum StreamUse {
        INITIAL_STATE(1),
        DYNAMICS(2);

        final long code;

        StreamUse(long code) {
            this.code = code;
        }
    }
}
