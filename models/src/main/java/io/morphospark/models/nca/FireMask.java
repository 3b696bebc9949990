package io.morphospark.models.nca;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Which cells apply their update at step {@code t} of run {@code r}. The engines ask for the same
 * (r, t) again in the backward pass, so a source must be a pure function of its key. The standard
 * source, {@link #random}, draws in Java from the counter-based stream (seed, SIMULATION, r, t)
 * rather than ND4J's RNG, so a run replays exactly on any backend; a recorded source replays the
 * masks of another implementation (the PyTorch calibration, {@code docs/calibration}).
 */
@FunctionalInterface
public interface FireMask {
    /** The mask of step {@code step} of run {@code run} as flat [batch, height, width] 0/1 floats. */
    float[] draw(int batch, int height, int width, long run, int step);

    /** Each cell fires with probability {@code rate}; rate ≥ 1 fires every cell. */
    static FireMask random(double rate, long seed) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("fire rate must be in (0, 1], got " + rate);
        }
        return (batch, height, width, run, step) -> {
            float[] m = new float[batch * height * width];
            if (rate >= 1) {
                java.util.Arrays.fill(m, 1f);
                return m;
            }
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SIMULATION, run, step);
            for (int i = 0; i < m.length; i++) {
                m[i] = rng.nextDouble() < rate ? 1f : 0f;
            }
            return m;
        };
    }

    /** The same mask as a [batch, height, width, 1] array. */
    default INDArray sample(int batch, int height, int width, DataType type, long run, int step) {
        return Nd4j.create(draw(batch, height, width, run, step), new long[] {batch, height, width, 1}, 'c').castTo(type);
    }
}
