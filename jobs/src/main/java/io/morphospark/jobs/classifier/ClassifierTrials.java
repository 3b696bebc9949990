package io.morphospark.jobs.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.nca.TrainingRun;
import io.morphospark.jobs.sweep.SweepRunner;
import io.morphospark.jobs.sweep.SweepableJob;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code classifier train --trials K}: K trainings (seeds {@code seed, seed+1, …}, optionally
 * cycling through models and learning rates) as parallel Spark tasks, one whole training per task
 * (DL4J has no Spark 4 training), each task reading the dataset files itself. The tasks are the
 * sweep's task-sized trials ({@link SweepRunner#runAsTasks}, job {@code classifier-train}): each
 * trial is a complete {@code classifier train} run in {@code trial-runs/trial-NNN}, staged,
 * checkpointed every epoch and committed on its own; a failed trial is recorded with its error and
 * the others go on. The run then holds the {@code trials} table (one row per trial) and, as its own
 * {@code model/}, {@code epochs}, {@code split} and {@code plots/}, the best trial's by validation
 * accuracy (ties: the lower trial index), so {@code evaluate} and {@code predict} take it as any run.
 *
 * <p>Crash safety: a killed run resumes with {@code --resume}: committed trials are kept, not run
 * again; interrupted ones continue from their last epoch checkpoint; the run's checkpoint lists the
 * trials' outcomes once the stage is over.
 */
public final class ClassifierTrials {
    static final String TRIAL_RUNS = "trial-runs";
    static final String TRIALS = "trials";
    static final List<String> PRODUCTS = List.of(TRIALS, ClassifierTrainJob.EPOCHS, ClassifierTrainJob.SPLIT, "plots",
            ClassifierTrainJob.MODEL_DIR, "summary.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run's checkpoint: every trial's outcome once the stage is over (what a resume of the last phase needs). */
    record TrialsCheckpoint(List<SweepRunner.Outcome> outcomes) implements Serializable {
    }

    private final SparkSession spark;
    private final ClassifierSettings settings;
    private final PrintStream console;

    public ClassifierTrials(SparkSession spark, ClassifierSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        check();
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), ClassifierTrainJob.JOB, settings);
        return execute(dir);
    }

    public ObjectNode resume(Path out) {
        settings.validate();
        check();
        RunDirectory dir = TrainingRun.reopen(out, ClassifierTrainJob.JOB, settings);
        TrainingRun.clear(dir, PRODUCTS);
        return execute(dir);
    }

    /** The dataset's checks on the driver (metadata only), before anything is written. */
    private void check() {
        ClassifierData data = ClassifierData.open(spark, Path.of(settings.dataset), settings.frames, settings.splitMode(),
                settings.validationFraction, settings.testFraction, settings.splitSeed(), true);
        int[] counts = data.splitCounts();
        if (counts[0] == 0 || counts[1] == 0 || counts[2] == 0) {
            throw new BadInputException("the " + settings.split + " split of " + settings.dataset
                    + " leaves a part empty (train " + counts[0] + ", validation " + counts[1] + ", test " + counts[2]
                    + "): the dataset is too small for these fractions");
        }
    }

    static String trialName(int i) {
        return String.format("trial-%03d", i);
    }

    private ObjectNode execute(RunDirectory dir) {
        long start = System.nanoTime();
        Path runs = dir.resolve(TRIAL_RUNS);
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runs, e);
        }
        List<SweepRunner.TrialTask> work = new ArrayList<>();
        int committed = 0;
        for (int i = 0; i < settings.trials; i++) {
            ClassifierSettings t = settings.trial(i);
            String hash = RunManifest.configHash(t);
            Path trialDir = runs.resolve(trialName(i));
            SweepRunner.State state = SweepRunner.runDirectoryState(trialDir, hash);
            if (state == SweepRunner.State.COMMITTED) {
                committed++;
            } else {
                if (state == SweepRunner.State.NEW) {
                    // killed between creating its staging directory and writing its run.json: nothing to keep
                    deleteTree(trialDir.resolveSibling("." + trialDir.getFileName() + ".inprogress"));
                }
                work.add(new SweepRunner.TrialTask(ClassifierTrainJob.JOB, trialName(i), hash,
                        SweepableJob.CONFIG.valueToTree(t).toString(), trialDir.toString(), dir.staging().toString(),
                        state == SweepRunner.State.INTERRUPTED));
            }
        }
        console.printf("classifier train: %d trials (%s) as Spark tasks, %d already done -> %s%n", settings.trials,
                describeTrials(), committed, dir.target());
        Map<String, SweepRunner.Outcome> outcomes = new HashMap<>();
        if (Checkpoint.exists(dir.staging())) {
            Checkpoint.read(dir.staging(), TrialsCheckpoint.class).outcomes().forEach(o -> outcomes.put(o.id(), o));
        }
        if (!work.isEmpty()) {
            for (SweepRunner.Outcome o : SweepRunner.runAsTasks(spark, "classifier train: " + work.size()
                    + " trials, one per task", work)) {
                outcomes.put(o.id(), o);
                console.printf("classifier train: %s %s in %.1f s%s%n", o.id(), o.status(), o.seconds(),
                        o.error() == null ? "" : ": " + o.error());
            }
            Checkpoint.write(dir.staging(), new TrialsCheckpoint(new ArrayList<>(outcomes.values())));
        }

        List<Row> rows = new ArrayList<>();
        int best = -1;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        JsonNode bestSummary = null;
        String firstError = null;
        for (int i = 0; i < settings.trials; i++) {
            ClassifierSettings t = settings.trial(i);
            Path trialDir = runs.resolve(trialName(i));
            SweepRunner.Outcome o = outcomes.get(trialName(i));
            if (RunDirectory.isFinished(trialDir)) {
                JsonNode s = readJson(trialDir.resolve("summary.json"));
                double validation = s.path("best_validation_accuracy").asDouble();
                rows.add(RowFactory.create(i, t.seed, t.model, t.learningRate, s.path("epochs_run").asInt(),
                        s.path("best_epoch").asInt(), validation, s.path("test_accuracy").asDouble(),
                        o == null ? s.path("wall_time_s").asDouble() : o.seconds(),
                        s.path("train_samples_per_second").asDouble(), "done", null));
                if (validation > bestAccuracy) {
                    bestAccuracy = validation;
                    best = i;
                    bestSummary = s;
                }
            } else {
                String error = o == null || o.error() == null ? "the trial did not finish" : o.error();
                firstError = firstError == null ? trialName(i) + ": " + error : firstError;
                rows.add(RowFactory.create(i, t.seed, t.model, t.learningRate, null, null, null, null,
                        o == null ? null : o.seconds(), null, "failed", error));
            }
        }
        if (best < 0) {
            throw new BadInputException("all " + settings.trials + " trials failed; " + firstError);
        }
        ParquetTables.write(spark, schema(), rows, dir.resolve(TRIALS));
        Path bestRun = runs.resolve(trialName(best));
        for (String product : List.of(ClassifierTrainJob.MODEL_DIR, ClassifierTrainJob.EPOCHS, ClassifierTrainJob.SPLIT, "plots")) {
            copyTree(bestRun.resolve(product), dir.resolve(product));
        }
        ObjectNode summary = bestSummary.deepCopy();
        summary.put("trials", settings.trials);
        summary.put("trials_failed", settings.trials - (int) rows.stream().filter(r -> "done".equals(r.getString(10))).count());
        summary.put("best_trial", best);
        summary.put("best_trial_seed", settings.trial(best).seed);
        summary.put("best_trial_run", TRIAL_RUNS + "/" + trialName(best));
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        ClassifierTrainJob.writeJson(dir.resolve("summary.json"), summary);
        TrainingRun.commit(dir);
        console.printf("classifier train: best of %d trials: %s (seed %d, %s, lr %s): validation accuracy %.4f, test accuracy "
                        + "%.4f; run in %s%n", settings.trials, trialName(best), settings.trial(best).seed,
                settings.trial(best).model, settings.trial(best).learningRate, bestAccuracy,
                summary.path("test_accuracy").asDouble(), dir.target());
        return summary;
    }

    private String describeTrials() {
        return "seeds " + settings.seed + ".." + (settings.seed + settings.trials - 1)
                + (settings.trialModels.isEmpty() ? "" : ", models " + String.join(",", settings.trialModels))
                + (settings.trialLearningRates.isEmpty() ? "" : ", lr " + settings.trialLearningRates);
    }

    static StructType schema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("trial", DataTypes.IntegerType, false),
                DataTypes.createStructField("seed", DataTypes.LongType, false),
                DataTypes.createStructField("model", DataTypes.StringType, false),
                DataTypes.createStructField("learning_rate", DataTypes.DoubleType, false),
                DataTypes.createStructField("epochs_run", DataTypes.IntegerType, true),
                DataTypes.createStructField("best_epoch", DataTypes.IntegerType, true),
                DataTypes.createStructField("best_validation_accuracy", DataTypes.DoubleType, true),
                DataTypes.createStructField("test_accuracy", DataTypes.DoubleType, true),
                DataTypes.createStructField("wall_time_s", DataTypes.DoubleType, true),
                DataTypes.createStructField("samples_per_second", DataTypes.DoubleType, true),
                DataTypes.createStructField("status", DataTypes.StringType, false),
                DataTypes.createStructField("error", DataTypes.StringType, true)));
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path q : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
