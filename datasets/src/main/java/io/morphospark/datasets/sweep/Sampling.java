package io.morphospark.datasets.sweep;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * How a label's samples cover its parameter ranges. Every draw is a pure function of (seed, label,
 * parameter, sample index), so sample {@code i} gets the same parameters whichever task computes it.
 */
public enum Sampling {
    /** Independent uniform draws inside each interval; grid parameters cycle through their levels. */
    UNIFORM,
    /**
     * Latin hypercube: each interval is cut into n strata (n = the label's sample count) and each
     * parameter visits every stratum exactly once, in its own random order.
     */
    LATIN_HYPERCUBE,
    /** The full factorial of all grid levels (interval parameters take their midpoint), repeated. */
    GRID;

    /** The name a spec uses: uniform, latin-hypercube or grid. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Sampling parse(String name, String field) {
        return switch (name == null ? "uniform" : name) {
            case "uniform" -> UNIFORM;
            case "latin-hypercube" -> LATIN_HYPERCUBE;
            case "grid" -> GRID;
            default -> throw new io.morphospark.datasets.BadInputException(field + ": sampling must be uniform, "
                    + "latin-hypercube or grid, got '" + name + "'");
        };
    }

    /**
     * The value of parameter number {@code p} (of {@code ranges}) for sample {@code i} of {@code n}.
     *
     * @param key distinguishes labels; part of every stream key
     */
    public double value(long seed, long key, ParamRange[] ranges, int p, long i, long n) {
        ParamRange r = ranges[p];
        return switch (this) {
            case UNIFORM -> r.isGrid() ? r.grid[(int) (i % r.grid.length)]
                    : r.lo() + (r.hi() - r.lo()) * stream(seed, key, p, i).nextDouble();
            case LATIN_HYPERCUBE -> {
                if (r.isGrid()) {
                    yield r.grid[(int) (stratum(seed, key, p, i, n) % r.grid.length)];
                }
                double u = (stratum(seed, key, p, i, n) + stream(seed, key, p, i).nextDouble()) / n;
                yield r.lo() + (r.hi() - r.lo()) * u;
            }
            case GRID -> {
                long stride = 1;
                for (int q = 0; q < p; q++) {
                    stride *= levels(ranges[q]);
                }
                long level = (i / stride) % levels(r);
                yield r.isGrid() ? r.grid[(int) level] : (r.lo() + r.hi()) / 2;
            }
        };
    }

    private static long levels(ParamRange r) {
        return r.isGrid() ? r.grid.length : 1;
    }

    private static SplittableRandom stream(long seed, long key, int p, long i) {
        return RandomStreams.stream(seed, Purpose.SELECTION, key, p, i);
    }

    /**
     * The stratum of sample i: position i of a random permutation of 0..n−1, computed without
     * materialising it (a keyed Feistel-style bijection by cycle-walking), so any task finds it in O(1).
     */
    static long stratum(long seed, long key, int p, long i, long n) {
        if (n <= 1) {
            return 0;
        }
        long bits = 64 - Long.numberOfLeadingZeros(n - 1);
        long half = (bits + 1) / 2;
        long mask = (1L << half) - 1;
        long x = i;
        do {
            long left = x >>> half;
            long right = x & mask;
            for (int round = 0; round < 4; round++) {
                long f = RandomStreams.key(seed, Purpose.SELECTION, key, p, round, right) & mask;
                long next = left ^ f;
                left = right;
                right = next;
            }
            x = (left << half) | right;
        } while (x >= n);
        return x;
    }
}
