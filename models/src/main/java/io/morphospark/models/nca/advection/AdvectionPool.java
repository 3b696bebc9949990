package io.morphospark.models.nca.advection;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * The seed's training pool: a quarter Gaussian blobs (σ 5–13, centre offset ±8), a quarter
 * lightly (0.3) and a quarter heavily (0.7) noisy formations, the rest clean formations
 * (formations cycling LINE, SQUARE, WEDGE, unrotated). Every sample holds exactly the arena's mass.
 * Sample i is drawn from its own stream (seed, INITIAL_POPULATION, POOL, i). Training writes final
 * states back, so samples drift toward formations.
 */
public final class AdvectionPool {
    /** The four kinds of starting state, in pool order. */
    public enum Kind { BLOB, LIGHT_NOISE, HEAVY_NOISE, CLEAN }

    private static final long POOL_STREAM = 0xA0;
    private final Arena arena;
    private final double[][] clean;
    private final double[][] states;
    private final Kind[] kinds;

    private AdvectionPool(Arena arena, double[][] states, Kind[] kinds) {
        this.arena = arena;
        this.clean = new double[Formation.values().length][];
        for (Formation f : Formation.values()) {
            clean[f.ordinal()] = arena.render(f, 0);
        }
        this.states = states;
        this.kinds = kinds;
    }

    public static AdvectionPool create(Arena arena, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        AdvectionPool pool = new AdvectionPool(arena, new double[size][], new Kind[size]);
        int quarter = size / 4;
        for (int i = 0; i < size; i++) {
            pool.kinds[i] = i < quarter ? Kind.BLOB : i < 2 * quarter ? Kind.LIGHT_NOISE : i < 3 * quarter ? Kind.HEAVY_NOISE
                    : Kind.CLEAN;
            pool.states[i] = pool.startState(i, RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, POOL_STREAM, i));
        }
        return pool;
    }

    /** A starting state of sample i's kind (formations cycle with the index). */
    private double[] startState(int i, SplittableRandom rng) {
        double[] formation = clean[i % clean.length];
        double[] mass = switch (kinds[i]) {
            case BLOB -> GaussianBlob.sample(arena.height(), arena.width(), arena.mass(), arena.density(),
                    rng.nextDouble(5, 13), 8, rng);
            case LIGHT_NOISE -> FormationNoise.apply(formation, arena.height(), arena.width(), 0.3, rng);
            case HEAVY_NOISE -> FormationNoise.apply(formation, arena.height(), arena.width(), 0.7, rng);
            case CLEAN -> formation.clone();
        };
        return Formations.state(mass);
    }

    /**
     * Replaces sample i by a fresh starting state of its kind (at rest: velocity 0), drawn from
     * {@code rng}. Training written back alone leaves no state at rest in the pool after a while,
     * though every evaluation starts from one.
     */
    public void refresh(int i, SplittableRandom rng) {
        states[i] = startState(i, rng);
    }

    /** A deep copy of every sample's state, for checkpoints. */
    public double[][] snapshot() {
        double[][] copy = new double[states.length][];
        for (int i = 0; i < states.length; i++) {
            copy[i] = states[i].clone();
        }
        return copy;
    }

    /** Puts a {@link #snapshot()} of a pool of this size back. */
    public void restore(double[][] snapshot) {
        if (snapshot.length != states.length) {
            throw new IllegalArgumentException("pool snapshot holds " + snapshot.length + " samples, the pool " + states.length);
        }
        for (int i = 0; i < states.length; i++) {
            states[i] = snapshot[i].clone();
        }
    }

    public int size() {
        return states.length;
    }

    public Kind kind(int index) {
        return kinds[index];
    }

    /** {@code batch} distinct indices (a partial Fisher–Yates shuffle). */
    public int[] sample(int batch, SplittableRandom rng) {
        return io.morphospark.models.random.DistinctIndices.draw(size(), batch, rng);
    }

    /** Copies of the samples at {@code indices}. */
    public double[][] gather(int[] indices) {
        double[][] batch = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            batch[i] = states[indices[i]].clone();
        }
        return batch;
    }

    public void writeBack(int[] indices, double[][] batch) {
        for (int i = 0; i < indices.length; i++) {
            states[indices[i]] = batch[i].clone();
        }
    }

    /** A live view of one sample's state. */
    public double[] state(int index) {
        return states[index];
    }
}
