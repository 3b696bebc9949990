package io.morphospark.models.discovery;

import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.Map;

/**
 * An ask/tell search over {@link Genome}s. Unlike a plain optimiser it is told whole evaluations
 * (metrics included), since quality-diversity needs behaviour descriptors besides the fitness.
 * Its whole state, random-stream counters included, is serialisable: a checkpoint. Every draw
 * comes from a stream keyed by (seed, purpose, generation, candidate…), so nothing depends on
 * how evaluation was spread.
 */
public abstract class DiscoverySearch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private int generation;
    private Population asked;
    private int[][] askedParents;

    protected DiscoverySearch(String name) {
        this.name = name;
    }

    public final String name() {
        return name;
    }

    /** The generation the next {@link #ask()} belongs to. */
    public final int generation() {
        return generation;
    }

    /** Whether the search has nothing more to ask (exhaustive search); others never run out. */
    public boolean exhausted() {
        return false;
    }

    protected abstract Batch sample(int generation);

    /** Learns from the evaluations of the asked genomes; {@link #generation()} is still theirs. */
    protected abstract void update(double[][] genomes, Evaluation[] evaluations);

    /** The search's own state in a few numbers, for the generations table. */
    public abstract Map<String, Double> stateSummary();

    public final Population ask() {
        if (asked != null) {
            throw new IllegalStateException("ask() called twice without tell()");
        }
        if (exhausted()) {
            throw new IllegalStateException(name + " search has nothing more to ask");
        }
        Batch b = sample(generation);
        int[] parent = new int[b.genomes().length];
        for (int i = 0; i < parent.length; i++) {
            int[] p = b.parents()[i];
            parent[i] = p[0] == generation - 1 ? p[1] : -1;
        }
        asked = Population.explicit(generation, b.genomes(), parent);
        askedParents = b.parents();
        return asked;
    }

    /** The lineage {g₁, c₁, g₂, c₂} of candidate i of the population last asked. */
    public final int[] parents(int i) {
        return askedParents[i].clone();
    }

    public final void tell(Evaluation[] evaluations) {
        if (asked == null) {
            throw new IllegalStateException("tell() called before ask()");
        }
        if (evaluations.length != asked.size()) {
            throw new IllegalArgumentException("expected " + asked.size() + " evaluations, got " + evaluations.length);
        }
        double[][] genomes = new double[asked.size()][];
        for (int i = 0; i < genomes.length; i++) {
            genomes[i] = asked.candidate(i);
        }
        update(genomes, evaluations);
        asked = null;
        askedParents = null;
        generation++;
    }

    /** Every rule triple at its default parameters (an initial population seeded with the exhaustive table's candidates). */
    static Batch allTriples() {
        double[][] g = new double[Genome.TRIPLES][];
        int[][] parents = new int[Genome.TRIPLES][];
        for (int t = 0; t < Genome.TRIPLES; t++) {
            g[t] = Genome.triple(t);
            parents[t] = Batch.NONE;
        }
        return new Batch(g, parents);
    }

    /** {@code size} random genomes of the problem, from the streams (seed, INITIAL_POPULATION, generation, i). */
    static Batch random(Problem problem, long seed, int generation, int size) {
        double[][] g = new double[size][];
        int[][] parents = new int[size][];
        for (int i = 0; i < size; i++) {
            g[i] = Genome.canonical(problem.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION,
                    generation, i)));
            parents[i] = Batch.NONE;
        }
        return new Batch(g, parents);
    }

    static void checkPositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }

    static void checkRate(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
    }

    static void checkSigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive number, got " + sigma);
        }
    }
}
