package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
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
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.jobs.nca.GrowingNcaArtifacts;
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
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), "es", settings);
        return execute(dir, problem, new EsCheckpoint(optimizer, new EsRecord()));
    }

    /**
     * Continues an interrupted run of {@code out} from its last checkpoint; the settings must be the
     * ones it was started with. The result is bit-identical to an uninterrupted run.
     */
    public ObjectNode resume(Path out) {
        RunDirectory dir = RunDirectory.resume(out);
        String recorded = RunManifest.read(dir.staging()).path("config_hash").asText();
        if (!recorded.equals(RunManifest.configHash(settings))) {
            throw new BadInputException("cannot resume " + dir.target() + ": its configuration differs from the one given");
        }
        Problem problem = settings.buildProblem();
        EsCheckpoint start = Checkpoint.exists(dir.staging())
                ? Checkpoint.read(dir.staging(), EsCheckpoint.class)
                : new EsCheckpoint(settings.buildOptimizer(problem), new EsRecord());
        console.printf("es: resuming %s after generation %d%n", dir.target(), start.optimizer().generation());
        return execute(dir, problem, start);
    }

    private ObjectNode execute(RunDirectory dir, Problem problem, EsCheckpoint state) {
        long start = System.nanoTime();
        Optimizer optimizer = state.optimizer();
        console.printf("es: %s, %s, %d parameters, population %d, %d generations, seed %d -> %s%n",
                problem.name(), optimizer.name(), problem.dimension(), settings.optimizer.population,
                settings.generations, settings.seed, dir.target());

        BlockEvaluation blocks = new BlockEvaluation(problem, settings.seed, settings.evaluation.replicateBlock);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        EsRecord record = state.record();
        EsRecorder recorder = new EsRecorder(record, problem.metricNames(), problem.cellStepsPerReplicate() * problem.replicates(),
                settings.generations, optimizer::stateSummary, console) {
            @Override
            public void told(Optimizer o) {
                Checkpoint.write(dir.staging(), new EsCheckpoint(o, record));
            }
        };
        try (var evaluator = new SparkPopulationEvaluator(jsc, blocks, settings.evaluation.partitions)) {
            new EvolutionLoop(optimizer, evaluator).run(settings.generations, recorder);
        }
        recorder.writeTables(spark, dir);

        ObjectNode summary = summarise(record);
        if (problem instanceof LateralInhibitionProblem li) {
            new LateralInhibitionArtifacts(li, record.lastBest, settings.seed).write(spark, dir,
                    settings.output.trajectoryReplicates, settings.output.trajectoryStride,
                    settings.evaluation.validationReplicates, summary);
        } else if (problem instanceof GrowingNcaProblem nca) {
            new GrowingNcaArtifacts(nca, record.lastBest, settings.seed).write(spark, dir.staging(),
                    2 * nca.maxSteps(), settings.output.trajectoryStride, summary);
        }
        plotFitness(record, dir);
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        writeSummary(dir.resolve("summary.json"), summary);
        dir.commit();
        console.printf("es: done in %.1f s; final best fitness %.5f; run in %s%n",
                (System.nanoTime() - start) / 1e9, summary.get("final_best_fitness").asDouble(), dir.target());
        return summary;
    }

    private ObjectNode summarise(EsRecord record) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        GenerationStats last = record.last();
        GenerationStats bestEver = record.stats.stream()
                .reduce((a, b) -> b.bestFitness() > a.bestFitness() ? b : a).orElseThrow();
        s.put("generations", record.stats.size());
        s.put("final_best_candidate", last.best());
        s.put("final_best_fitness", last.bestFitness());
        s.put("best_ever_fitness", bestEver.bestFitness());
        s.put("best_ever_generation", bestEver.generation());
        s.put("invalid_total", record.stats.stream().mapToInt(GenerationStats::invalid).sum());
        return s;
    }

    private static void plotFitness(EsRecord record, RunDirectory dir) {
        int n = record.stats.size();
        double[] g = new double[n];
        double[] best = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            GenerationStats s = record.stats.get(i);
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
