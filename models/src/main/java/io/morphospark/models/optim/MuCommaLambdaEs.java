package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * (μ/μ_I, λ) evolution strategy with self-adaptive step sizes (Beyer & Schwefel 2002): each child
 * starts from the centroid of the μ parents, multiplies their log-mean σ by exp(τ·N(0,1)) with
 * τ = 1/√(2n), and adds N(0, σ²) to every parameter. Only children are selected (no elitism),
 * which lets σ, and the population, leave local optima that a plus strategy would hold on to.
 */
public final class MuCommaLambdaEs extends AskTellOptimizer<ExplicitCandidates> {
    private static final long serialVersionUID = 2L;

    private final Problem problem;
    private final int populationSize;
    private final int parentCount;
    private final double initialSigma;
    private final double learningRate;
    private final long seed;

    private double[] askedSigmas;
    private Parents parents;
    private double[] parentSigmas;

    public MuCommaLambdaEs(Problem problem, int populationSize, int parentCount, double sigma, long seed) {
        super("mu-comma-lambda");
        checkPopulation(populationSize);
        MuPlusLambdaEs.checkParents(parentCount, populationSize);
        checkSigma(sigma);
        this.problem = problem;
        this.populationSize = populationSize;
        this.parentCount = parentCount;
        this.initialSigma = sigma;
        this.learningRate = 1 / Math.sqrt(2.0 * problem.dimension());
        this.seed = seed;
    }

    @Override
    protected Population sample(int generation) {
        if (generation == 0) {
            askedSigmas = Vectors.filled(populationSize, initialSigma);
            return initialPopulation(problem, seed, populationSize);
        }
        double[][] candidates = new double[populationSize][];
        askedSigmas = new double[populationSize];
        int[] origin = new int[populationSize];
        double[] centroid = centroid();
        double centroidSigma = centroidSigma();
        for (int i = 0; i < populationSize; i++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.MUTATION, generation, i);
            askedSigmas[i] = centroidSigma * Math.exp(learningRate * rng.nextGaussian());
            double[] child = centroid.clone();
            for (int k = 0; k < child.length; k++) {
                child[k] += askedSigmas[i] * rng.nextGaussian();
            }
            candidates[i] = child;
            origin[i] = parents.indices()[0]; // every child descends from all parents; record the best
        }
        return Population.explicit(generation, candidates, origin);
    }

    @Override
    protected void update(ExplicitCandidates candidates, double[] fitness) {
        parents = Parents.best(candidates.vectors(), fitness, parentCount);
        parentSigmas = new double[parentCount];
        for (int i = 0; i < parentCount; i++) {
            parentSigmas[i] = askedSigmas[parents.indices()[i]];
        }
        askedSigmas = null;
    }

    /**
     * Intermediate recombination: the parents' centroid. Selecting single parents lets σ
     * self-adaptation collapse on multimodal functions; recombining all μ (Beyer and Schwefel's
     * (μ/μ_I, λ)-σSA-ES) averages out the selection noise on σ and keeps the search going.
     */
    private double[] centroid() {
        double[] c = new double[parents.vectors()[0].length];
        for (double[] p : parents.vectors()) {
            for (int k = 0; k < c.length; k++) {
                c[k] += p[k] / parentCount;
            }
        }
        return c;
    }

    /** Geometric mean of the parents' σ (σ is recombined on the log scale it mutates on). */
    private double centroidSigma() {
        double log = 0;
        for (double s : parentSigmas) {
            log += Math.log(s) / parentCount;
        }
        return Math.exp(log);
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
