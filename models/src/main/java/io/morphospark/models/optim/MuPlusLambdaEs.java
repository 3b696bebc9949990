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
public final class MuPlusLambdaEs implements Optimizer {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final int populationSize;
    private final int parentCount;
    private final double mutationStd;
    private final long seed;

    private int generation;
    private double[][] asked;
    private double[][] parents;
    private int[] parentIndices;

    /** Seed rule for the number of parents: max(2, ⌊0.2·λ⌋). */
    public static int defaultParents(int populationSize) {
        return Math.max(2, (int) Math.floor(0.2 * populationSize));
    }

    public MuPlusLambdaEs(Problem problem, int populationSize, int parentCount, double mutationStd, long seed) {
        if (populationSize < 2) {
            throw new IllegalArgumentException("population must be at least 2, got " + populationSize);
        }
        if (parentCount < 1 || parentCount >= populationSize) {
            throw new IllegalArgumentException("parents must be between 1 and population−1, got " + parentCount);
        }
        if (!(mutationStd > 0) || Double.isInfinite(mutationStd)) {
            throw new IllegalArgumentException("mutation σ must be a positive number, got " + mutationStd);
        }
        this.problem = problem;
        this.populationSize = populationSize;
        this.parentCount = parentCount;
        this.mutationStd = mutationStd;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "mu-plus-lambda";
    }

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public Population ask() {
        AskTellCycle.checkAsk(asked);
        double[][] candidates = new double[populationSize][];
        int[] origin = new int[populationSize];
        if (generation == 0) {
            for (int i = 0; i < populationSize; i++) {
                candidates[i] = AskTellCycle.initialCandidate(problem, seed, i);
                origin[i] = -1;
            }
        } else {
            for (int i = 0; i < parentCount; i++) {
                candidates[i] = parents[i].clone();
                origin[i] = parentIndices[i];
            }
            for (int i = parentCount; i < populationSize; i++) {
                SplittableRandom rng = RandomStreams.stream(seed, Purpose.MUTATION, generation, i);
                int p = rng.nextInt(parentCount);
                double[] child = parents[p].clone();
                for (int k = 0; k < child.length; k++) {
                    child[k] += mutationStd * rng.nextGaussian();
                }
                candidates[i] = child;
                origin[i] = parentIndices[p];
            }
        }
        asked = candidates;
        return Population.explicit(generation, candidates, origin);
    }

    @Override
    public void tell(double[] fitness) {
        AskTellCycle.checkTell(asked, populationSize, fitness);
        Integer[] order = Ranking.bestFirst(fitness);
        parents = new double[parentCount][];
        parentIndices = new int[parentCount];
        for (int i = 0; i < parentCount; i++) {
            parents[i] = asked[order[i]];
            parentIndices[i] = order[i];
        }
        asked = null;
        generation++;
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", mutationStd);
    }
}
