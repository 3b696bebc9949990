package io.morphospark.models.discovery;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.metrics.AgentMetrics;
import io.morphospark.models.agents.scenarios.AlgorithmEvaluation;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioResult;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Discovery of morphogenetic algorithms as a {@link Problem}: a candidate is a {@link Genome}; its
 * "replicates" are the (scenario × replicate seed) runs, scenario-major, so the fan-out's replicate
 * blocks become (candidate × scenario × replicate block) tasks. Replicate r of scenario s runs from
 * {@link AlgorithmEvaluation#replicateSeed}(run seed, s, r) whatever the generation or candidate:
 * every algorithm meets the same worlds (common random numbers), so differences are the rules'.
 *
 * <p>The fitness is the seed's performance (mean over scenarios of the mean score); the metrics
 * are {@link #metricNames()}: performance, stability = 1/(1 + std of the scenario means), per
 * scenario the mean and std over replicates, the mean final polar order, homotypic fraction and
 * complexity over all runs (behaviour descriptors), then every run's score.
 */
public final class DiscoveryProblem implements Problem {
    private static final long serialVersionUID = 1L;
    public static final String PERFORMANCE = "performance";
    public static final String STABILITY = "stability";
    public static final List<String> BEHAVIOURS = List.of("polar_order", "homotypic", "complexity");

    private final List<Scenario> scenarios;
    private final EnumMap<Scenario, ScenarioSettings> settings;
    private final int replicatesPerScenario;

    public DiscoveryProblem(List<Scenario> scenarios, Map<Scenario, ScenarioSettings> settings, int replicatesPerScenario) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
        if (scenarios.stream().distinct().count() != scenarios.size()) {
            throw new IllegalArgumentException("scenarios must be distinct, got " + scenarios);
        }
        if (replicatesPerScenario < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, got " + replicatesPerScenario);
        }
        this.scenarios = List.copyOf(scenarios);
        this.settings = new EnumMap<>(Scenario.class);
        for (Scenario s : scenarios) {
            this.settings.put(s, settings.getOrDefault(s, s.defaults()));
        }
        this.replicatesPerScenario = replicatesPerScenario;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public ScenarioSettings settings(Scenario s) {
        return settings.get(s);
    }

    public int replicatesPerScenario() {
        return replicatesPerScenario;
    }

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public int dimension() {
        return Genome.DIMENSION;
    }

    @Override
    public int replicates() {
        return scenarios.size() * replicatesPerScenario;
    }

    /** A uniformly random triple with uniformly random parameters. */
    @Override
    public double[] initialCandidate(RandomGenerator rng) {
        double[] g = new double[Genome.DIMENSION];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextDouble();
        }
        return g;
    }

    @Override
    public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int firstReplicate, int count) {
        AgentAlgorithm algorithm = Genome.decode(candidate);
        double[] score = new double[count];
        double[] polar = new double[count];
        double[] homotypic = new double[count];
        double[] complexity = new double[count];
        for (int k = 0; k < count; k++) {
            int i = firstReplicate + k;
            Scenario s = scenarios.get(i / replicatesPerScenario);
            int r = i % replicatesPerScenario;
            ScenarioResult result = s.run(algorithm, settings.get(s), AlgorithmEvaluation.replicateSeed(key.seed(), s, r));
            score[k] = result.score();
            polar[k] = result.last().polarOrder();
            homotypic[k] = result.last().homotypic();
            complexity[k] = result.last().complexity();
        }
        return new ReplicateScores(firstReplicate, count, score, polar, homotypic, complexity);
    }

    @Override
    public Evaluation reduce(List<BlockResult> blocks) {
        int n = replicates();
        double[] score = new double[n];
        double[] polar = new double[n];
        double[] homotypic = new double[n];
        double[] complexity = new double[n];
        int filled = 0;
        for (BlockResult b : blocks) {
            ReplicateScores r = (ReplicateScores) b;
            if (r.firstReplicate() != filled) {
                throw new IllegalStateException("blocks must cover replicates in order; expected " + filled + ", got "
                        + r.firstReplicate());
            }
            System.arraycopy(r.score(), 0, score, filled, r.count());
            System.arraycopy(r.polarOrder(), 0, polar, filled, r.count());
            System.arraycopy(r.homotypic(), 0, homotypic, filled, r.count());
            System.arraycopy(r.complexity(), 0, complexity, filled, r.count());
            filled += r.count();
        }
        if (filled != n) {
            throw new IllegalStateException("blocks cover " + filled + " of " + n + " replicates");
        }
        int ns = scenarios.size();
        int reps = replicatesPerScenario;
        double[] metrics = new double[2 + 2 * ns + BEHAVIOURS.size() + n];
        double sumMeans = 0;
        double[] means = new double[ns];
        for (int s = 0; s < ns; s++) {
            double sum = 0;
            for (int r = 0; r < reps; r++) {
                sum += score[s * reps + r];
            }
            means[s] = sum / reps;
            double ss = 0;
            for (int r = 0; r < reps; r++) {
                double d = score[s * reps + r] - means[s];
                ss += d * d;
            }
            metrics[2 + s] = means[s];
            metrics[2 + ns + s] = Math.sqrt(ss / reps);
            sumMeans += means[s];
        }
        double performance = sumMeans / ns;
        double var = 0;
        for (double m : means) {
            var += (m - performance) * (m - performance);
        }
        metrics[0] = performance;
        metrics[1] = 1 / (1 + Math.sqrt(var / ns));
        int b = 2 + 2 * ns;
        metrics[b] = AgentMetrics.clamp(mean(polar));
        metrics[b + 1] = AgentMetrics.clamp(mean(homotypic));
        metrics[b + 2] = AgentMetrics.clamp(mean(complexity));
        System.arraycopy(score, 0, metrics, b + BEHAVIOURS.size(), n);
        return Evaluation.of(performance, metrics);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * performance, stability, mean_SCENARIO…, std_SCENARIO…, polar_order, homotypic, complexity,
     * then score_SCENARIO_rR for every run.
     */
    @Override
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(List.of(PERFORMANCE, STABILITY));
        scenarios.forEach(s -> names.add("mean_" + s.id()));
        scenarios.forEach(s -> names.add("std_" + s.id()));
        names.addAll(BEHAVIOURS);
        for (Scenario s : scenarios) {
            for (int r = 0; r < replicatesPerScenario; r++) {
                names.add("score_" + s.id() + "_r" + r);
            }
        }
        return names;
    }

    /** Index in the metrics of a scenario's mean score. */
    public int meanIndex(Scenario s) {
        int i = scenarios.indexOf(s);
        if (i < 0) {
            throw new IllegalArgumentException("scenario " + s.id() + " is not evaluated");
        }
        return 2 + i;
    }

    @Override
    public long cellStepsPerReplicate() {
        long sum = 0;
        for (Scenario s : scenarios) {
            sum += (long) settings.get(s).world().agents() * settings.get(s).steps();
        }
        return sum / scenarios.size();
    }
}
