package io.morphospark.jobs.discover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.jobs.plots.SummaryJson;
import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.scenarios.AlgorithmEvaluation;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.discovery.DiscoveryProblem;
import io.morphospark.models.discovery.DiscoveryRun;
import io.morphospark.models.discovery.GenerationMetrics;
import io.morphospark.models.discovery.Genome;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.PopulationEvaluator;
import io.morphospark.models.patterns.Frame;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code discover}: the driver holds a {@link DiscoveryRun} (search + archive), each generation is
 * one Spark stage of the shared fan-out over (candidate × scenario × replicate block) items, its
 * rows go to Parquet partitions in staging, and the run's state is checkpointed; the run
 * directory appears atomically when done.
 */
public final class DiscoverJob {
    /** Frames in each film strip, evenly spaced from the first step to the last. */
    static final int FILM_FRAMES = 5;

    private final SparkSession spark;
    private final DiscoverSettings settings;
    private final PrintStream console;

    public DiscoverJob(SparkSession spark, DiscoverSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        DiscoveryProblem problem = settings.problem();
        DiscoveryRun state = settings.newRun(problem);
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), "discover", settings);
        return execute(dir, problem, state);
    }

    /**
     * Checks, before any session exists, that {@code out} is an interrupted discover run these
     * settings continue: equal configuration except {@code generations}, which may grow.
     */
    public static void checkResumable(Path out, DiscoverSettings settings) {
        DiscoverSettings recorded = DiscoverSettings.ofRun(out);
        RunResumption.refuseDifferences(out, settings.differencesFrom(recorded), " (only generations may change)");
        if (settings.generations < recorded.generations) {
            throw new BadInputException("cannot resume " + RunDirectory.targetOf(out) + " with " + settings.generations
                    + " generations: it was started with " + recorded.generations);
        }
        RunDirectory.resume(out); // fails (exit 2) for a finished run or for something that is not a run
    }

    /** Continues an interrupted run from its last checkpoint; the result is bit-identical to an uninterrupted run. */
    public ObjectNode resume(Path out) {
        checkResumable(out, settings);
        DiscoveryProblem problem = settings.problem();
        RunDirectory dir = RunResumption.reopen(out, "discover", settings);
        DiscoveryRun state = RunResumption.checkpointOr(dir, DiscoveryRun.class, () -> settings.newRun(problem));
        console.printf("discover: resuming %s after generation %d%n", dir.target(), state.search().generation());
        return execute(dir, problem, state);
    }


    private ObjectNode execute(RunDirectory dir, DiscoveryProblem problem, DiscoveryRun state) {
        long start = System.nanoTime();
        console.printf("discover: %s, %d scenarios x %d replicates, %d agents x %d steps, seed %d, evaluation seed %d -> %s%n",
                state.search().name(), problem.scenarios().size(), problem.replicatesPerScenario(), settings.agents,
                settings.steps, settings.seed, settings.evaluationSeed, dir.target());
        DiscoveryTables tables = new DiscoveryTables(problem.metricNames(), settings.descriptors);
        BlockEvaluation blocks = new BlockEvaluation(problem, settings.evaluationSeed, settings.blockSize());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long evaluateNanos = 0;
        long evaluationsHere = 0;
        try (PopulationEvaluator evaluator = new SparkPopulationEvaluator(jsc, blocks, settings.partitions)) {
            while (!state.done(settings.generations)) {
                long t0 = System.nanoTime();
                DiscoveryRun.Generation g = state.step(evaluator);
                evaluateNanos += System.nanoTime() - t0;
                evaluationsHere += g.evaluations().length;
                tables.writeGeneration(spark, dir.staging(), g);
                Checkpoint.write(dir.staging(), state);
                GenerationMetrics m = g.metrics();
                console.printf("generation %4d  evaluations %6d  best %.4f  best ever %.4f  elites %4d  coverage %.3f  "
                                + "qd %.3f  elapsed %.1f s%n", m.generation() + 1, m.evaluationsTotal(), m.bestPerformance(),
                        m.bestEver(), m.elites(), m.coverage(), m.qdScore(), (System.nanoTime() - start) / 1e9);
            }
        }
        tables.writeArchive(spark, dir.staging(), state.archive());
        tables.writeTop(spark, dir.staging(), state.top());
        List<Row> generations = ParquetTables.read(spark, dir.resolve(DiscoveryTables.GENERATIONS))
                .orderBy("generation").collectAsList();
        Path plots = dir.resolve("plots");
        DiscoveryPlots.heatmap(plots.resolve("archive_heatmap.png"), state.archive(), settings.descriptors,
                state.search().name() + ": archive (" + state.archive().layout().describe() + "), elite performance");
        DiscoveryPlots.curves(plots, generations, state.search().name());
        writeFilms(dir, problem);

        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("search", state.search().name());
        summary.put("generations", generations.size());
        summary.put("evaluations", state.evaluations());
        summary.put("best_performance", state.top().isEmpty() ? Double.NaN : state.top().get(0).performance());
        summary.put("best_algorithm", state.top().isEmpty() ? null
                : Genome.decode(state.top().get(0).genome()).toString());
        summary.put("elites", state.archive().size());
        summary.put("coverage", state.archive().coverage());
        summary.put("qd_score", state.archive().qdScore());
        summary.put("qd_offset", io.morphospark.models.discovery.Archive.QD_OFFSET);
        summary.put("archive", state.archive().layout().describe());
        summary.put("evaluations_this_session", evaluationsHere);
        summary.put("evaluations_per_s_this_session", evaluateNanos == 0 ? 0 : evaluationsHere / (evaluateNanos / 1e9));
        summary.set("rule_marginals", marginals(dir, problem));
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        SummaryJson.write(dir.resolve("summary.json"), summary);
        dir.commit();
        console.printf("discover: done in %.1f s; best performance %.4f; %d elites, coverage %.3f, QD-score %.3f; run in %s%n",
                (System.nanoTime() - start) / 1e9, summary.get("best_performance").asDouble(), state.archive().size(),
                state.archive().coverage(), state.archive().qdScore(), dir.target());
        return summary;
    }

    /**
     * Per-rule marginal means over every valid evaluated algorithm: for each kind (movement,
     * decision, communication) and rule, the count and the mean performance and scenario scores —
     * which rules matter for which scenario (from an exhaustive run: every triple once).
     */
    private ObjectNode marginals(RunDirectory dir, DiscoveryProblem problem) {
        var evaluations = ParquetTables.read(spark, dir.resolve(DiscoveryTables.EVALUATIONS)).filter("NOT invalid");
        ObjectNode out = new ObjectMapper().createObjectNode();
        for (String kind : List.of("movement", "decision", "communication")) {
            List<org.apache.spark.sql.Column> aggregates = new ArrayList<>(List.of(functions.avg("performance").as("performance")));
            problem.scenarios().forEach(s -> aggregates.add(functions.avg("mean_" + s.id()).as(s.id())));
            ObjectNode byRule = out.putObject(kind);
            for (Row r : evaluations.groupBy(kind).agg(functions.count("*").as("algorithms"),
                    aggregates.toArray(org.apache.spark.sql.Column[]::new)).orderBy(kind).collectAsList()) {
                ObjectNode rule = byRule.putObject(r.getString(0));
                rule.put("algorithms", r.getLong(1));
                for (int k = 2; k < r.length(); k++) {
                    rule.put(r.schema().fields()[k].name(), r.getDouble(k));
                }
            }
        }
        return out;
    }

    /** One film to render: the k-th best algorithm of a scenario, run from that scenario's replicate 0. */
    record FilmJob(Scenario scenario, int rank, double[] genome, ScenarioSettings settings, long seed) implements Serializable {
    }

    /** Film strips of the top {@code filmTop} algorithms (by mean score) of each scenario, rendered as Spark tasks. */
    private void writeFilms(RunDirectory dir, DiscoveryProblem problem) {
        if (settings.filmTop == 0) {
            return;
        }
        var evaluations = ParquetTables.read(spark, dir.resolve(DiscoveryTables.EVALUATIONS)).filter("NOT invalid");
        List<FilmJob> jobs = new ArrayList<>();
        for (Scenario s : problem.scenarios()) {
            List<Row> best = evaluations.orderBy(functions.col("mean_" + s.id()).desc(), functions.col("generation"),
                    functions.col("candidate")).select("genome").limit(settings.filmTop).collectAsList();
            for (int k = 0; k < best.size(); k++) {
                List<Double> g = best.get(k).getList(0);
                jobs.add(new FilmJob(s, k + 1, g.stream().mapToDouble(Double::doubleValue).toArray(), problem.settings(s),
                        AlgorithmEvaluation.replicateSeed(settings.evaluationSeed, s, 0)));
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("film strips");
        List<List<Frame>> films = jsc.parallelize(jobs, Math.max(1, jobs.size())).map(DiscoverJob::film).collect();
        float[][] colours = {{1, 1, 1, 0}, {0.84f, 0.37f, 0.0f, 1}, {0.0f, 0.45f, 0.70f, 1}, {0.0f, 0.62f, 0.45f, 1}};
        for (int i = 0; i < jobs.size(); i++) {
            FilmJob j = jobs.get(i);
            List<FilmStrip.Frame> strip = new ArrayList<>();
            for (int k = 0; k < films.get(i).size(); k++) {
                Frame f = films.get(i).get(k);
                float[] rgba = new float[f.cells() * 4];
                for (int c = 0; c < f.cells(); c++) {
                    System.arraycopy(colours[Math.min(3, (int) f.values()[c])], 0, rgba, c * 4, 4);
                }
                String label = (k == 0 ? j.scenario().id() + " #" + j.rank() + ", " : "") + "step " + filmStep(k, j.settings().steps());
                strip.add(new FilmStrip.Frame(label, f.height(), f.width(), rgba));
            }
            FilmStrip.write(dir.resolve("plots/films/" + j.scenario().id() + "_top" + j.rank() + ".png"), strip);
        }
    }

    static long filmStep(int k, int steps) {
        return Math.round(k * steps / (double) (FILM_FRAMES - 1));
    }

    /** Runs the scenario, keeping the type map at {@link #FILM_FRAMES} evenly spaced steps (colours: empty white, A vermilion, B blue, C green). */
    static List<Frame> film(FilmJob job) {
        AgentAlgorithm a = Genome.decode(job.genome());
        int steps = job.settings().steps();
        List<Frame> frames = new ArrayList<>();
        job.scenario().run(a, job.settings(), job.seed(), (step, world, metrics) -> {
            for (int k = 0; k < FILM_FRAMES; k++) {
                if (step == filmStep(k, steps)) {
                    frames.add(TypeRaster.of(world, job.settings().pixels()));
                    break;
                }
            }
        });
        return frames;
    }
}
