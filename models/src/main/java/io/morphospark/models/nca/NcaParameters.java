package io.morphospark.models.nca;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The update rule's trainable arrays, by name: w1 [features, hidden], b1 [hidden],
 * w2 [hidden, channels], b2 [channels] (a cell's features times w1, i.e. row vectors).
 */
public final class NcaParameters {
    public static final List<String> NAMES = List.of("w1", "b1", "w2", "b2");

    private final NcaConfig config;
    private final Map<String, INDArray> arrays;

    private NcaParameters(NcaConfig config, Map<String, INDArray> arrays) {
        this.config = config;
        this.arrays = arrays;
    }

    /**
     * PyTorch's default for the first 1×1 conv (uniform ±1/√fan-in for weights and bias) and the
     * seed's zero last layer, so an untrained CA changes nothing and training starts stable.
     */
    public static NcaParameters initial(NcaConfig config, long seed) {
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, 0);
        double bound = 1 / Math.sqrt(config.features());
        double[] w1 = new double[config.features() * config.hidden()];
        double[] b1 = new double[config.hidden()];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = rng.nextDouble(-bound, bound);
        }
        for (int i = 0; i < b1.length; i++) {
            b1[i] = rng.nextDouble(-bound, bound);
        }
        return of(config, w1, b1, new double[config.hidden() * config.channels()], new double[config.channels()],
                DataType.FLOAT);
    }

    /** From flat row-major arrays. */
    public static NcaParameters of(NcaConfig config, double[] w1, double[] b1, double[] w2, double[] b2, DataType type) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w1", array(w1, type, config.features(), config.hidden()));
        m.put("b1", array(b1, type, config.hidden()));
        m.put("w2", array(w2, type, config.hidden(), config.channels()));
        m.put("b2", array(b2, type, config.channels()));
        return new NcaParameters(config, m);
    }

    private static INDArray array(double[] v, DataType type, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (v.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + v.length);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }

    /** The values of every array, exactly (float values survive the round trip through double). */
    public record Values(DataType type, double[] w1, double[] b1, double[] w2, double[] b2) implements java.io.Serializable {
    }

    public Values snapshot() {
        return new Values(dataType(), values("w1"), values("b1"), values("w2"), values("b2"));
    }

    public static NcaParameters of(NcaConfig config, Values v) {
        return of(config, v.w1(), v.b1(), v.w2(), v.b2(), v.type());
    }

    public NcaConfig config() {
        return config;
    }

    public DataType dataType() {
        return arrays.get("w1").dataType();
    }

    /** The live array (graphs built from these parameters read it; updates happen in place). */
    public INDArray get(String name) {
        INDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    /** Flat row-major values of one array. */
    public double[] values(String name) {
        return get(name).dup('c').data().asDouble();
    }

    /** A copy in another precision (double for gradient checks). */
    public NcaParameters castTo(DataType type) {
        return of(config, values("w1"), values("b1"), values("w2"), values("b2"), type);
    }

    public NcaParameters copy() {
        return castTo(dataType());
    }
}
