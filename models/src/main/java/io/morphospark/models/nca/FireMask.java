package io.morphospark.models.nca;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Which cells apply their update this step: each with probability {@code rate}, drawn in Java from
 * the counter-based stream (seed, SIMULATION, coordinates…) rather than ND4J's RNG, so a run
 * replays exactly on any backend and the backward pass redraws the forward pass's masks.
 */
public final class FireMask {
    private FireMask() {
    }

    /** A [batch, height, width, 1] mask of 0/1; rate ≥ 1 fires every cell. */
    public static INDArray sample(double rate, int batch, int height, int width, DataType type, long seed,
                                  long... coordinates) {
        if (rate >= 1) {
            return Nd4j.ones(type, batch, height, width, 1);
        }
        return Nd4j.create(draw(rate, batch, height, width, seed, coordinates), new long[] {batch, height, width, 1}, 'c')
                .castTo(type);
    }

    /** The same mask as flat [batch, height, width] floats. */
    public static float[] draw(double rate, int batch, int height, int width, long seed, long... coordinates) {
        float[] m = new float[batch * height * width];
        if (rate >= 1) {
            java.util.Arrays.fill(m, 1f);
            return m;
        }
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.SIMULATION, coordinates);
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < rate ? 1f : 0f;
        }
        return m;
    }
}
