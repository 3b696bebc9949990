package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A real-coded genetic algorithm: the best candidate survives unchanged (elitism of one), every
 * other child comes from two tournament-selected parents, uniform crossover with probability
 * {@code crossoverRate}, and Gaussian mutation of each gene with probability
 * {@code mutationRate} (default 1/n, one gene per child on average).
 */
public final class GeneticAlgorithm extends AskTellOptimizer<ExplicitCandidates> {
    private static final long serialVersionUID = 2L;

    private final Problem problem;
    private final int populationSize;
    private final int tournamentSize;
    private final double crossoverRate;
    private final double mutationRate;
    private final double mutationSigma;
    private final long seed;

    private double[][] previous;
    private double[] previousFitness;

    public GeneticAlgorithm(Problem problem, int populationSize, int tournamentSize, double crossoverRate,
                            double mutationSigma, long seed) {
        super("ga");
        checkPopulation(populationSize);
        if (tournamentSize < 1 || tournamentSize > populationSize) {
            throw new IllegalArgumentException("tournament size must be between 1 and the population, got " + tournamentSize);
        }
        if (!(crossoverRate >= 0 && crossoverRate <= 1)) {
            throw new IllegalArgumentException("crossover rate must be in [0, 1], got " + crossoverRate);
        }
        checkSigma(mutationSigma);
        this.problem = problem;
        this.populationSize = populationSize;
        this.tournamentSize = tournamentSize;
        this.crossoverRate = crossoverRate;
        this.mutationRate = 1.0 / problem.dimension();
        this.mutationSigma = mutationSigma;
        this.seed = seed;
    }

    @Override
    protected Population sample(int generation) {
        if (generation == 0) {
            return initialPopulation(problem, seed, populationSize);
        }
        double[][] candidates = new double[populationSize][];
        int[] origin = new int[populationSize];
        int elite = Ranking.bestFirst(previousFitness)[0];
        candidates[0] = previous[elite].clone();
        origin[0] = elite;
        for (int i = 1; i < populationSize; i++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SELECTION, generation, i);
            int a = tournament(rng);
            int b = tournament(rng);
            double[] child = previous[a].clone();
            if (rng.nextDouble() < crossoverRate) {
                for (int k = 0; k < child.length; k++) {
                    if (rng.nextBoolean()) {
                        child[k] = previous[b][k];
                    }
                }
            }
            SplittableRandom mutation = RandomStreams.stream(seed, Purpose.MUTATION, generation, i);
            for (int k = 0; k < child.length; k++) {
                if (mutation.nextDouble() < mutationRate) {
                    child[k] += mutationSigma * mutation.nextGaussian();
                }
            }
            candidates[i] = child;
            origin[i] = a;
        }
        return Population.explicit(generation, candidates, origin);
    }

    /** The fittest of {@code tournamentSize} uniformly drawn candidates; NaN counts as −∞. */
    private int tournament(SplittableRandom rng) {
        int best = rng.nextInt(populationSize);
        for (int t = 1; t < tournamentSize; t++) {
            int c = rng.nextInt(populationSize);
            if (Ranking.worstIfNaN(previousFitness[c]) > Ranking.worstIfNaN(previousFitness[best])) {
                best = c;
            }
        }
        return best;
    }

    @Override
    protected void update(ExplicitCandidates candidates, double[] fitness) {
        previous = candidates.vectors();
        previousFitness = fitness.clone();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", mutationSigma, "mutation_rate", mutationRate, "crossover_rate", crossoverRate);
    }
}
