package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

/**
 * The ask/tell cycle every optimiser shares: ask and tell strictly alternate, tell takes one
 * fitness per asked candidate, and the generation counter advances with each tell. A subclass
 * says how to {@link #sample} a generation and how to {@link #update} on its fitnesses; the
 * candidates it sampled come back to it with their own type ({@code S}).
 */
abstract class AskTellOptimizer<S extends CandidateSource> implements Optimizer {
    private static final long serialVersionUID = 1L;

    private final String name;
    private int generation;
    private Population asked;

    AskTellOptimizer(String name) {
        this.name = name;
    }

    /** The population of {@code generation}, whose candidates are an {@code S}. */
    protected abstract Population sample(int generation);

    /** Learns from the fitnesses of the sampled candidates; {@link #generation()} is still theirs. */
    protected abstract void update(S candidates, double[] fitness);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int generation() {
        return generation;
    }

    @Override
    public final Population ask() {
        if (asked != null) {
            throw new IllegalStateException("ask() called twice without tell()");
        }
        asked = sample(generation);
        return asked;
    }

    @Override
    public final void tell(double[] fitness) {
        if (asked == null) {
            throw new IllegalStateException("tell() called before ask()");
        }
        if (fitness.length != asked.size()) {
            throw new IllegalArgumentException("expected " + asked.size() + " fitness values, got " + fitness.length);
        }
        @SuppressWarnings("unchecked") // sample() built the population from an S
        S candidates = (S) asked.candidates();
        update(candidates, fitness);
        asked = null;
        generation++;
    }

    /** Generation 0 of the population-based optimisers: the problem's own initial candidates, no parents. */
    static Population initialPopulation(Problem problem, long seed, int size) {
        double[][] candidates = new double[size][];
        int[] origin = new int[size];
        for (int i = 0; i < size; i++) {
            candidates[i] = problem.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, i));
            origin[i] = -1;
        }
        return Population.explicit(0, candidates, origin);
    }

    static void checkPopulation(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("population must be at least 2, got " + size);
        }
    }

    static void checkSigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive number, got " + sigma);
        }
    }

    static void checkLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + rate);
        }
    }
}
