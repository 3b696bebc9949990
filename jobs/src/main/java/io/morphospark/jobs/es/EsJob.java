package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.HistoryLog;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.jobs.plots.SummaryJson;
import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.EvolutionLoop;
import io.morphospark.models.evaluation.GenerationStats;
import io.morphospark.models.evaluation.PopulationEvaluator;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.problem.Problem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The evolution-strategy job: the driver holds the optimiser, each generation is one Spark stage,
 * and the run directory appears atomically when the run has finished. Without a session (a small
 * run as one sweep trial inside a Spark task) the population is evaluated in-process on one thread
 * and the tables are written without Spark; the block plan and its fixed-order reduction are the
 * same, so the results are bit-identical to the same run as a Spark job.
 */
public final class EsJob {
    private final SparkSession spark;
    private final EsSettings settings;
    private final PrintStream console;
    /** Fault injection for tests: fail right after the checkpoint of this generation; -1 never. */
    int interruptAfter = -1;

    /** @param spark null: run inside a Spark task (a task-sized sweep trial), evaluating in this thread */
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
     * Checks, before any session or file exists, that {@code out} can be continued with these
     * settings: they must equal the run's recorded configuration except for {@code generations},
     * which may grow (to extend a finished or interrupted run). Names every field that differs.
     */
    public static void checkResumable(Path out, EsSettings settings) {
        Path abs = out.toAbsolutePath().normalize();
        JsonNode recorded = RunResumption.recordedConfig(abs);
        RunResumption.refuseDifferences(abs, ConfigDifference.between(recorded, settings).stream()
                .filter(d -> !d.startsWith("generations:")).toList(), " (only generations may change, to extend the run)");
        int recordedGenerations = recorded.path("generations").asInt();
        if (settings.generations < recordedGenerations) {
            throw new BadInputException("cannot resume " + abs + " with " + settings.generations
                    + " generations: it was started with " + recordedGenerations + " and a run can only be extended");
        }
        if (RunDirectory.isFinished(abs)) {
            if (settings.generations == recordedGenerations) {
                throw new BadInputException("run " + abs + " has already finished its " + recordedGenerations
                        + " generations; nothing to resume (give a larger --generations to extend it)");
            }
            if (!Checkpoint.exists(abs)) {
                throw new BadInputException("run " + abs + " has no " + Checkpoint.FILE + " to extend it from");
            }
        } else {
            RunDirectory.resume(abs); // fails if it is not an interrupted run
        }
    }

    /**
     * Continues a run from its last checkpoint: an interrupted one, or a finished one given more
     * generations (it is reopened into a new staging directory and replaces the finished version
     * only when done). The result is bit-identical to an uninterrupted run of as many generations.
     */
    public ObjectNode resume(Path out) {
        checkResumable(out, settings);
        Problem problem = settings.buildProblem();
        RunDirectory dir;
        EsCheckpoint start;
        if (RunDirectory.isFinished(out)) {
            Path target = out.toAbsolutePath().normalize();
            EsCheckpoint finished = Checkpoint.read(target, EsCheckpoint.class);
            dir = RunDirectory.reopen(target, staging -> {
                RunManifest.write(staging, "es", settings);
                finished.record().restoreRows(spark, target, staging); // the history log the extension appends to
                Checkpoint.write(staging, finished);
            });
            start = finished;
            console.printf("es: extending %s from %d to %d generations%n", dir.target(), finished.optimizer().generation(),
                    settings.generations);
        } else {
            dir = RunResumption.reopen(out, "es", settings);
            start = RunResumption.checkpointOr(dir, EsCheckpoint.class,
                    () -> new EsCheckpoint(settings.buildOptimizer(problem), new EsRecord()));
            if (start.record().rowsInTables && start.optimizer().generation() == settings.generations) {
                // compaction is the last step before the commit: every output is complete, only the rename is missing
                console.printf("es: %s was complete but not yet in place; committing it%n", dir.target());
                ObjectNode summary = readSummary(dir.staging().resolve("summary.json"));
                HistoryLog.deleteIn(dir.staging()); // its rows are in the tables
                dir.commit();
                return summary;
            }
            if (start.record().rowsInTables) { // killed after its checkpoint was compacted, before the commit
                start.record().restoreRows(spark, dir.staging(), dir.staging());
                Checkpoint.write(dir.staging(), start);
            }
            console.printf("es: resuming %s after generation %d%n", dir.target(), start.optimizer().generation());
        }
        return execute(dir, problem, start);
    }

    private static ObjectNode readSummary(Path file) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(file.toFile());
        } catch (IOException | ClassCastException e) {
            throw new BadInputException("cannot read " + file + " of a run that was complete: " + e.getMessage(), e);
        }
    }


    private ObjectNode execute(RunDirectory dir, Problem problem, EsCheckpoint state) {
        long start = System.nanoTime();
        PhaseClock phases = new PhaseClock();
        Optimizer optimizer = state.optimizer();
        console.printf("es: %s, %s, %d parameters, population %d, %d generations, seed %d -> %s%n",
                problem.name(), optimizer.name(), problem.dimension(), settings.optimizer.population,
                settings.generations, settings.seed, dir.target());

        BlockEvaluation blocks = new BlockEvaluation(problem, settings.seed, settings.evaluation.replicateBlock);
        EsRecord record = state.record();
        HistoryLog log = record.openLog(dir.staging());
        EsRecorder recorder = new EsRecorder(record, log, problem.metricNames(), problem.cellStepsPerReplicate() * problem.replicates(),
                settings.generations, optimizer::stateSummary, console) {
            @Override
            public void told(Optimizer o) {
                appendGeneration(); // rows first: the checkpoint must never count rows the log lacks
                Checkpoint.write(dir.staging(), new EsCheckpoint(o, record));
                if (o.generation() == interruptAfter) {
                    throw new IllegalStateException("injected interruption after generation " + interruptAfter);
                }
            }
        };
        try (PopulationEvaluator evaluator = spark == null
                ? new ThreadPoolEvaluator(blocks, 1) // the task's one core; a task-sized trial is small by definition
                : new SparkPopulationEvaluator(JavaSparkContext.fromSparkContext(spark.sparkContext()), blocks,
                        settings.evaluation.partitions)) {
            new EvolutionLoop(optimizer, evaluator).run(settings.generations, recorder);
        }
        phases.mark("generations");
        EsRecord.History history = EsRecord.History.of(log);
        ObjectNode summary = summarise(history);
        // The tables (Spark jobs, mostly the driver's planning and first-use class loading) are written
        // on a second thread while this one replays and validates the best candidate and draws its
        // plots: the two halves of the finish are independent, and each keeps one core busy.
        double[] tablesWall = new double[1];
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "es-table-writer");
            t.setDaemon(true);
            return t;
        });
        Future<?> tables = writer.submit(() -> {
            long t0 = System.nanoTime();
            recorder.writeTables(spark, dir, history);
            tablesWall[0] = (System.nanoTime() - t0) / 1e9;
        });
        try {
            ProblemArtifacts.of(problem).write(spark, dir, record.lastBest, settings, summary);
        } catch (RuntimeException | Error e) {
            RuntimeException failure = asException(e);
            try {
                awaitTables(tables, writer); // never leave a writer behind in the staging directory
            } catch (RuntimeException t) {
                failure.addSuppressed(t);
            }
            throw failure;
        }
        awaitTables(tables, writer);
        phases.mark("tables_and_artifacts");
        phases.put("tables_alone", tablesWall[0]);
        plotFitness(history, dir);
        phases.mark("fitness_plot");
        phases.writeTo(summary);
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        SummaryJson.write(dir.resolve("summary.json"), summary);
        // What a finished run keeps to be extended: optimiser and statistics; its tables hold the rows.
        Checkpoint.write(dir.staging(), new EsCheckpoint(optimizer, record.compact()));
        log.delete(); // after the compact checkpoint: a kill in between finds the rows in the tables
        dir.commit();
        phases.mark("commit");
        console.printf("es: phases: %s%n", phases.describe());
        int invalid = summary.get("invalid_total").asInt();
        if (invalid > 0) {
            console.printf("es: %d of %d candidates were invalid (non-finite states or fitness): never selected, "
                    + "left out of the plots, null in summary.json%n", invalid, summary.get("candidates_total").asInt());
        }
        double finalBest = summary.get("final_best_fitness").asDouble();
        console.printf("es: done in %.1f s; final best fitness %s; run in %s%n", (System.nanoTime() - start) / 1e9,
                Double.isFinite(finalBest) ? String.format("%.5f", finalBest) : "undefined (all candidates invalid)",
                dir.target());
        return summary;
    }

    /** Waits for the table writer; its failure is rethrown (a bad-input error stays one; see {@link #asException}). */
    private static void awaitTables(Future<?> tables, ExecutorService writer) {
        try {
            tables.get();
        } catch (InterruptedException e) {
            tables.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the tables were written", e);
        } catch (ExecutionException e) {
            throw asException(e.getCause());
        } finally {
            writer.shutdown();
        }
    }

    /**
     * A failure of the finish as an exception the CLI maps: Hadoop reports a full disk met while
     * committing a table on the driver as {@code FSError}, an Error, which would otherwise escape the
     * one-line storage message (with two writers at once, either may meet the full disk first). A
     * virtual-machine error is not a failure of the outputs and stays as it is.
     */
    private static RuntimeException asException(Throwable t) {
        if (t instanceof VirtualMachineError v) {
            throw v;
        }
        return t instanceof RuntimeException r ? r
                : new IllegalStateException("writing the run's outputs failed: " + t.getMessage(), t);
    }

    private ObjectNode summarise(EsRecord.History record) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        GenerationStats last = record.last();
        GenerationStats bestEver = record.stats().stream()
                .reduce((a, b) -> b.bestFitness() > a.bestFitness() ? b : a).orElseThrow();
        s.put("generations", record.stats().size());
        // with every candidate invalid there is no best: null, not candidate 0
        s.put("final_best_candidate", Double.isFinite(last.bestFitness()) ? last.best() : null);
        s.put("final_best_fitness", last.bestFitness());
        s.put("best_ever_fitness", bestEver.bestFitness());
        s.put("best_ever_generation", Double.isFinite(bestEver.bestFitness()) ? bestEver.generation() : null);
        s.put("invalid_total", record.stats().stream().mapToInt(GenerationStats::invalid).sum());
        s.put("candidates_total", (long) settings.optimizer.population * record.stats().size());
        s.put("invalid_last_generation", last.invalid());
        return s;
    }

    /**
     * Best and mean fitness per generation. Where every fitness is negative (the validation
     * functions' −f) the plot shows −fitness, on a log scale from one decade on, as a loss.
     */
    private static void plotFitness(EsRecord.History record, RunDirectory dir) {
        int n = record.stats().size();
        double[] g = new double[n];
        double[] best = new double[n];
        double[] mean = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            GenerationStats s = record.stats().get(i);
            g[i] = s.generation();
            best[i] = s.bestFitness();
            mean[i] = s.mean();
            for (double v : new double[] {best[i], mean[i]}) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        boolean negated = max <= 0 && min < 0;
        if (negated) {
            for (int i = 0; i < n; i++) {
                best[i] = -best[i];
                mean[i] = -mean[i];
            }
        }
        Plots.lines(dir.resolve("plots/fitness.png"), negated ? "−fitness per generation (lower is better)" : "Fitness per generation",
                "generation", negated ? "−fitness" : "fitness", g, Plots.series("best", best, "mean", mean),
                negated ? Plots.YScale.LOSS : Plots.YScale.AUTO); // −f is minimised like a loss
    }
}
