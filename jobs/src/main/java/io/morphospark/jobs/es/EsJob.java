package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.EvolutionLoop;
import io.morphospark.models.evaluation.GenerationStats;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The evolution-strategy job: the driver holds the optimiser, each generation is one Spark stage,
 * and the run directory appears atomically when the run has finished.
 */
public final class EsJob {
    private final SparkSession spark;
    private final EsSettings settings;
    private final PrintStream console;

    public EsJob(SparkSession spark, EsSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    /** Runs the whole job into {@code out}; returns the summary also written to summary.json. */
    public ObjectNode run(Path out) {
        settings.validateRun();
        Problem problem = settings.buildProblem();
        Optimizer optimizer = settings.buildOptimizer(problem);
        long start = System.nanoTime();
        try (RunDirectory dir = RunDirectory.create(out)) {
            RunManifest.write(dir.staging(), "es", settings);
            console.printf("es: %s, %s, %d parameters, population %d, %d generations, seed %d -> %s%n",
                    problem.name(), optimizer.name(), problem.dimension(), settings.optimizer.population,
                    settings.generations, settings.seed, dir.target());

            BlockEvaluation blocks = new BlockEvaluation(problem, settings.seed, settings.evaluation.replicateBlock);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            EsRecorder recorder = new EsRecorder(problem.metricNames(), problem.cellStepsPerReplicate() * problem.replicates(),
                    settings.generations, optimizer::stateSummary, console);
            try (var evaluator = new SparkPopulationEvaluator(jsc, blocks, settings.evaluation.partitions)) {
                new EvolutionLoop(optimizer, evaluator).run(settings.generations, recorder);
            }
            recorder.writeTables(spark, dir);

            ObjectNode summary = summarise(recorder);
            double[] best = recorder.lastPopulation.candidate(recorder.stats.get(recorder.stats.size() - 1).best());
            if (problem instanceof LateralInhibitionProblem li) {
                new LateralInhibitionArtifacts(li, best, settings.seed).write(spark, dir, settings.output.trajectoryReplicates,
                        settings.output.trajectoryStride, settings.evaluation.validationReplicates, summary);
            }
            plotFitness(recorder, dir);
            summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
            writeSummary(dir.resolve("summary.json"), summary);
            dir.commit();
            console.printf("es: done in %.1f s; final best fitness %.5f; run in %s%n",
                    (System.nanoTime() - start) / 1e9, summary.get("final_best_fitness").asDouble(), dir.target());
            return summary;
        }
    }

    private ObjectNode summarise(EsRecorder recorder) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        GenerationStats last = recorder.stats.get(recorder.stats.size() - 1);
        GenerationStats bestEver = recorder.stats.stream()
                .reduce((a, b) -> b.bestFitness() > a.bestFitness() ? b : a).orElseThrow();
        s.put("generations", recorder.stats.size());
        s.put("final_best_candidate", last.best());
        s.put("final_best_fitness", last.bestFitness());
        s.put("best_ever_fitness", bestEver.bestFitness());
        s.put("best_ever_generation", bestEver.generation());
        s.put("invalid_total", recorder.stats.stream().mapToInt(GenerationStats::invalid).sum());
        return s;
    }

    private static void plotFitness(EsRecorder recorder, RunDirectory dir) {
        int n = recorder.stats.size();
        double[] g = new double[n];
        double[] best = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            GenerationStats s = recorder.stats.get(i);
            g[i] = s.generation();
            best[i] = s.bestFitness();
            mean[i] = s.mean();
        }
        Plots.lines(dir.resolve("plots/fitness.png"), "Fitness per generation", "generation", "fitness",
                g, Plots.series("best", best, "mean", mean));
    }

    private static void writeSummary(Path file, ObjectNode summary) {
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
