package io.morphospark.models.patterns;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * What every pattern run needs besides its model parameters: grid size, number of steps, how
 * often to record a frame, and the (seed, sample) key of its random streams.
 *
 * @param frameStride record every {@code frameStride}-th step; 0 records only the first and last
 */
public record RunSpec(int width, int height, int steps, int frameStride, long seed, long sampleId) implements Serializable {
    public static final int MIN_SIDE = 4;

    public RunSpec {
        if (width < MIN_SIDE) {
            throw new IllegalArgumentException("width must be at least " + MIN_SIDE + ", got " + width);
        }
        if (height < MIN_SIDE) {
            throw new IllegalArgumentException("height must be at least " + MIN_SIDE + ", got " + height);
        }
        if ((long) width * height > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("grid " + width + " × " + height + " is too large");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be non-negative, got " + steps);
        }
        if (frameStride < 0) {
            throw new IllegalArgumentException("frame-stride must be non-negative, got " + frameStride);
        }
    }

    public static RunSpec of(int side, int steps, long seed, long sampleId) {
        return new RunSpec(side, side, steps, 0, seed, sampleId);
    }

    public RunSpec withSteps(int newSteps) {
        return new RunSpec(width, height, newSteps, frameStride, seed, sampleId);
    }

    public RunSpec withFrameStride(int stride) {
        return new RunSpec(width, height, steps, stride, seed, sampleId);
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
        return step == 0 || step == steps || (frameStride > 0 && step % frameStride == 0);
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
