package io.morphospark.models.discovery;

import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seed's genetic algorithm over rule triples, extended to their parameters: generation 0 is
 * {@code population} random genomes; the best {@code elites} are kept, and every later generation
 * asks for {@code population − elites} children, each a per-trait crossover of two distinct elites
 * followed by per-trait mutation with probability {@code mutationRate} (a rule trait is redrawn, a
 * parameter takes a Gaussian step of {@code sigma}). Elites are kept with their evaluation rather
 * than re-evaluated: replicate seeds are common to all candidates, so a re-run would give the same
 * numbers, and the evaluation budget goes to new algorithms.
 */
public final class TripleGa extends DiscoverySearch {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final int population;
    private final int eliteCount;
    private final double mutationRate;
    private final double sigma;
    private final long seed;
    private final boolean seedTriples;
    private final List<Elite> elites = new ArrayList<>();

    public TripleGa(Problem problem, int population, int elites, double mutationRate, double sigma, long seed) {
        this(problem, population, elites, mutationRate, sigma, seed, false);
    }

    /** @param seedTriples generation 0 is the 125 triples at default parameters instead of {@code population} random genomes */
    public TripleGa(Problem problem, int population, int elites, double mutationRate, double sigma, long seed,
                    boolean seedTriples) {
        super("ga");
        checkPositive("population", population);
        if (elites < 2 || elites >= population) {
            throw new IllegalArgumentException("elites must be at least 2 and below the population " + population
                    + ", got " + elites);
        }
        checkRate("mutation rate", mutationRate);
        checkSigma(sigma);
        this.problem = problem;
        this.population = population;
        this.eliteCount = elites;
        this.mutationRate = mutationRate;
        this.sigma = sigma;
        this.seed = seed;
        this.seedTriples = seedTriples;
    }

    public List<Elite> elites() {
        return List.copyOf(elites);
    }

    @Override
    protected Batch sample(int generation) {
        if (generation == 0 && seedTriples) {
            return allTriples();
        }
        if (generation == 0 || elites.size() < 2) {
            return random(problem, seed, generation, generation == 0 ? population : population - eliteCount);
        }
        int n = population - eliteCount;
        double[][] g = new double[n][];
        int[][] parents = new int[n][];
        for (int i = 0; i < n; i++) {
            SplittableRandom select = RandomStreams.stream(seed, Purpose.SELECTION, generation, i);
            int a = select.nextInt(elites.size());
            int b = select.nextInt(elites.size() - 1);
            if (b >= a) {
                b++;
            }
            Elite pa = elites.get(a);
            Elite pb = elites.get(b);
            double[] child = Variation.crossover(pa.genome(), pb.genome(), select);
            g[i] = Variation.mutate(child, mutationRate, mutationRate, sigma,
                    RandomStreams.stream(seed, Purpose.MUTATION, generation, i));
            parents[i] = Batch.of(pa, pb);
        }
        return new Batch(g, parents);
    }

    /** Elites = the best {@code elites} of the old elites and the new children; ties keep the older. */
    @Override
    protected void update(double[][] genomes, Evaluation[] evaluations) {
        List<Elite> pool = new ArrayList<>(elites);
        for (int i = 0; i < genomes.length; i++) {
            if (!evaluations[i].invalid()) {
                pool.add(new Elite(-1, genomes[i], evaluations[i].fitness(), new double[0], generation(), i));
            }
        }
        pool.sort(Comparator.comparingDouble(Elite::objective).reversed()); // stable: older first among ties
        elites.clear();
        elites.addAll(pool.subList(0, Math.min(eliteCount, pool.size())));
    }

    /** Distinct rule triples among the elites over their number: the seed's population diversity. */
    public double eliteDiversity() {
        return elites.isEmpty() ? 0 : elites.stream().map(e -> Genome.tripleId(e.genome())).distinct().count()
                / (double) elites.size();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("elites", (double) elites.size(), "elite_diversity", eliteDiversity(),
                "elite_best", elites.isEmpty() ? Double.NaN : elites.get(0).objective());
    }
}
