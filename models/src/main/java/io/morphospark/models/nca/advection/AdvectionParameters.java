package io.morphospark.models.nca.advection;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import io.morphospark.models.random.TruncatedNormal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The network's weights as one flat vector (what Adam updates and the model file stores), in the
 * order w1 [52, h1], b1 [h1], w2 [h1, h2], b2 [h2], w3 [h2, 13], b3 [13]; matrices row-major, a
 * cell's features times w1 (row vectors).
 */
public final class AdvectionParameters {
    public static final List<String> NAMES = List.of("w1", "b1", "w2", "b2", "w3", "b3");

    private final Architecture architecture;
    private final double[] values;

    public AdvectionParameters(Architecture architecture, double[] values) {
        if (values.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("expected " + architecture.parameterCount() + " parameters, got " + values.length);
        }
        this.architecture = architecture;
        this.values = values;
    }

    /**
     * Flax's defaults, as the seed: hidden kernels LeCun-normal (truncated normal, variance
     * 1/fan-in), biases 0, and the output layer all zeros, so an untrained network leaves
     * every state unchanged and only the transport acts.
     */
    public static AdvectionParameters initial(Architecture a, long seed) {
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, 0);
        double[] v = new double[a.parameterCount()];
        int w2 = offset(a, 2);
        for (int i = 0; i < a.sizes()[0]; i++) {
            v[i] = TruncatedNormal.lecunNormal(rng, Architecture.FEATURES);
        }
        for (int i = 0; i < a.sizes()[2]; i++) {
            v[w2 + i] = TruncatedNormal.lecunNormal(rng, a.hidden1());
        }
        return new AdvectionParameters(a, v);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The live flat vector (optimisers update it in place). */
    public double[] values() {
        return values;
    }

    /** A copy of one named array. */
    public double[] get(String name) {
        int k = NAMES.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        int from = offset(architecture, k);
        return Arrays.copyOfRange(values, from, from + architecture.sizes()[k]);
    }

    /** Where array k of {@link #NAMES} starts in the flat vector. */
    static int offset(Architecture a, int k) {
        int o = 0;
        for (int i = 0; i < k; i++) {
            o += a.sizes()[i];
        }
        return o;
    }

    public AdvectionParameters copy() {
        return new AdvectionParameters(architecture, values.clone());
    }
}
