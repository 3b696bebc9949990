package io.morphospark.models.random;

import java.util.SplittableRandom;

/**
 * Counter-based random streams: a stream is a pure function of (run seed, purpose, coordinates),
 * e.g. (seed, SIMULATION, generation, candidate, replicate). Whichever executor, partition or task
 * attempt draws from it, it sees the same numbers, which is what makes runs bit-identical on any
 * cluster layout.
 */
public final class RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** A fresh generator for the stream at the given key. */
    public static SplittableRandom stream(long seed, Purpose purpose, long... coordinates) {
        return new SplittableRandom(key(seed, purpose, coordinates));
    }

    /** The 64-bit key of a stream: the coordinates folded in one by one through a strong mixer. */
    public static long key(long seed, Purpose purpose, long... coordinates) {
        long h = mix64(seed + GOLDEN_GAMMA * purpose.code);
        for (long c : coordinates) {
            h = mix64(h ^ mix64(c + GOLDEN_GAMMA));
        }
        return h;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as used by SplitMix64. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
