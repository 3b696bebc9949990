package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seed's (μ+λ) evolution strategy with elitism: the μ best of a generation are kept unchanged
 * (and re-evaluated with fresh noise), the rest are children of a uniformly chosen parent plus
 * N(0, σ²) noise on every parameter. Generation 0 is independent initialisations of the problem.
 */
public final class MuPlusLambdaEs extends AskTellOptimizer<ExplicitCandidates> {
    private static final long serialVersionUID = 2L;

    private final Problem problem;
    private final int populationSize;
    private final int parentCount;
    private final double mutationStd;
    private final long seed;

    private Parents parents;

    /** Seed rule for the number of parents: max(2, ⌊0.2·λ⌋). */
    public static int defaultParents(int populationSize) {
        return Math.max(2, (int) Math.floor(0.2 * populationSize));
    }

    public MuPlusLambdaEs(Problem problem, int populationSize, int parentCount, double mutationStd, long seed) {
        super("mu-plus-lambda");
        checkPopulation(populationSize);
        checkParents(parentCount, populationSize);
        if (!(mutationStd > 0) || Double.isInfinite(mutationStd)) {
            throw new IllegalArgumentException("mutation σ must be a positive number, got " + mutationStd);
        }
        this.problem = problem;
        this.populationSize = populationSize;
        this.parentCount = parentCount;
        this.mutationStd = mutationStd;
        this.seed = seed;
    }

    static void checkParents(int parentCount, int populationSize) {
        if (parentCount < 1 || parentCount >= populationSize) {
            throw new IllegalArgumentException("parents must be between 1 and population−1, got " + parentCount);
        }
    }

    @Override
    protected Population sample(int generation) {
        if (generation == 0) {
            return initialPopulation(problem, seed, populationSize);
        }
        double[][] candidates = new double[populationSize][];
        int[] origin = new int[populationSize];
        for (int i = 0; i < parentCount; i++) {
            candidates[i] = parents.vectors()[i].clone();
            origin[i] = parents.indices()[i];
        }
        for (int i = parentCount; i < populationSize; i++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.MUTATION, generation, i);
            int p = rng.nextInt(parentCount);
            double[] child = parents.vectors()[p].clone();
            for (int k = 0; k < child.length; k++) {
                child[k] += mutationStd * rng.nextGaussian();
            }
            candidates[i] = child;
            origin[i] = parents.indices()[p];
        }
        return Population.explicit(generation, candidates, origin);
    }

    @Override
    protected void update(ExplicitCandidates candidates, double[] fitness) {
        parents = Parents.best(candidates.vectors(), fitness, parentCount);
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", mutationStd);
    }
}
