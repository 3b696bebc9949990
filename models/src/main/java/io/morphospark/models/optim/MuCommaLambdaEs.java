package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * (μ,λ) evolution strategy with self-adaptive step sizes (Schwefel; Beyer & Schwefel 2002): each
 * child takes a uniformly chosen parent, multiplies the parent's σ by exp(τ·N(0,1)) with
 * τ = 1/√(2n), and adds N(0, σ²) to every parameter. Only children are selected (no elitism),
 * which lets σ, and the population, leave local optima that a plus strategy would hold on to.
 */
public final class MuCommaLambdaEs implements Optimizer {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final int populationSize;
    private final int parentCount;
    private final double initialSigma;
    private final double learningRate;
    private final long seed;

    private int generation;
    private double[][] asked;
    private double[] askedSigmas;
    private double[][] parents;
    private double[] parentSigmas;
    private int[] parentIndices;

    public MuCommaLambdaEs(Problem problem, int populationSize, int parentCount, double sigma, long seed) {
        if (populationSize < 2) {
            throw new IllegalArgumentException("population must be at least 2, got " + populationSize);
        }
        if (parentCount < 1 || parentCount >= populationSize) {
            throw new IllegalArgumentException("parents must be between 1 and population−1, got " + parentCount);
        }
        AskTellCycle.checkSigma(sigma);
        this.problem = problem;
        this.populationSize = populationSize;
        this.parentCount = parentCount;
        this.initialSigma = sigma;
        this.learningRate = 1 / Math.sqrt(2.0 * problem.dimension());
        this.seed = seed;
    }

    @Override
    public String name() {
        return "mu-comma-lambda";
    }

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public Population ask() {
        AskTellCycle.checkAsk(asked);
        double[][] candidates = new double[populationSize][];
        double[] sigmas = new double[populationSize];
        int[] origin = new int[populationSize];
        for (int i = 0; i < populationSize; i++) {
            if (generation == 0) {
                candidates[i] = problem.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, i));
                sigmas[i] = initialSigma;
                origin[i] = -1;
                continue;
            }
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.MUTATION, generation, i);
            int p = rng.nextInt(parentCount);
            sigmas[i] = parentSigmas[p] * Math.exp(learningRate * rng.nextGaussian());
            double[] child = parents[p].clone();
            for (int k = 0; k < child.length; k++) {
                child[k] += sigmas[i] * rng.nextGaussian();
            }
            candidates[i] = child;
            origin[i] = parentIndices[p];
        }
        asked = candidates;
        askedSigmas = sigmas;
        return Population.explicit(generation, candidates, origin);
    }

    @Override
    public void tell(double[] fitness) {
        AskTellCycle.checkTell(asked, populationSize, fitness);
        Integer[] order = Ranking.bestFirst(fitness);
        parents = new double[parentCount][];
        parentSigmas = new double[parentCount];
        parentIndices = new int[parentCount];
        for (int i = 0; i < parentCount; i++) {
            parents[i] = asked[order[i]];
            parentSigmas[i] = askedSigmas[order[i]];
            parentIndices[i] = order[i];
        }
        asked = null;
        askedSigmas = null;
        generation++;
    }

    /** Median σ of the current parents (the initial σ before the first tell). */
    public double sigma() {
        if (parentSigmas == null) {
            return initialSigma;
        }
        double[] s = parentSigmas.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", sigma(), "sigma_learning_rate", learningRate);
    }
}
