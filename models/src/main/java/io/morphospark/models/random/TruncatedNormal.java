package io.morphospark.models.random;

import java.util.random.RandomGenerator;

/** Standard normal truncated to [-2, 2], the distribution behind Flax's LeCun-normal initialiser. */
public final class TruncatedNormal {
    /** Standard deviation of N(0,1) truncated to [-2, 2]; Flax divides by it to get unit variance. */
    public static final double STDDEV_OF_TRUNCATED = 0.87962566103423978;

    private TruncatedNormal() {
    }

    public static double sample(RandomGenerator rng) {
        while (true) {
            double z = rng.nextGaussian();
            if (z >= -2.0 && z <= 2.0) {
                return z;
            }
        }
    }

    /** LeCun-normal: truncated normal with variance 1/fanIn. */
    public static double lecunNormal(RandomGenerator rng, int fanIn) {
        return sample(rng) * Math.sqrt(1.0 / fanIn) / STDDEV_OF_TRUNCATED;
    }
}
