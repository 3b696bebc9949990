package io.morphospark.jobs.classifier;

import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.CliRun;
import io.morphospark.jobs.zeppelin.DynamicForms;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.SqlScript;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import io.morphospark.models.classifier.DataSplit;
import io.morphospark.models.classifier.PatternSample;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code classifier train --trials}: two seeds trained as Spark tasks on local[1] and on local[2]
 * give the same trials table and the same best model, which becomes the run's model (evaluate takes
 * the run as any other); the task-side dataset reader gives the driver reader's samples, in its
 * order; the sweep adapter {@code classifier-train} runs two seeds as two tasks; and every SQL
 * paragraph of {@code notebooks-zeppelin/classifier-*.zpln} runs, as Zeppelin would, against the
 * trials run, its dataset and its predictions, and returns rows.
 */
class ClassifierTrialsTest {
    static final List<String> METRICS = List.of("trial", "seed", "model", "learning_rate", "epochs_run", "best_epoch",
            "best_validation_accuracy", "test_accuracy", "status");
    @TempDir
    static Path tmp;
    static Path dataset;
    static Path[] runs;
    static SparkSession spark;

    static String[] train(Path out, String master, String... more) {
        List<String> args = new ArrayList<>(List.of("classifier", "train", "--dataset", dataset.toString(), "--out",
                out.toString(), "--trials", "2", "--epochs", "2", "--batch", "8", "--seed", "7", "--master", master));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainOnOneAndTwoCoresThenStartSpark() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, ClassifierTrainTest.spec(ClassifierTrainTest.TWO_LABELS));
        dataset = tmp.resolve("dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", dataset.toString(),
                "--master", "local[2]"));
        // each run makes and stops its own session (none is active yet), so the two masters really differ
        runs = new Path[] {tmp.resolve("one-core"), tmp.resolve("two-cores")};
        assertEquals(ExitCodes.OK, Main.execute(train(runs[0], "local[1]")));
        assertEquals(ExitCodes.OK, Main.execute(train(runs[1], "local[2]")));
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static List<Row> trials(Path run) {
        return trials(spark, run);
    }

    /** The trials table's deterministic columns (not wall time or throughput), by trial. */
    static List<Row> trials(SparkSession spark, Path run) {
        var columns = METRICS.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
        return spark.read().parquet(run.resolve(ClassifierTrials.TRIALS).toString()).select(columns).orderBy("trial")
                .collectAsList();
    }

    @Test
    void sameTrialsAndBestModelOnOneAndTwoCores() throws Exception {
        List<Row> a = trials(runs[0]);
        assertEquals(a, trials(runs[1]));
        assertEquals(2, a.size());
        for (Row r : a) {
            assertEquals("done", r.getAs("status"));
            assertEquals(7L + r.<Integer>getAs("trial"), r.<Long>getAs("seed"));
            double v = r.getAs("best_validation_accuracy");
            assertTrue(v >= 0 && v <= 1, "validation accuracy " + v);
        }
        assertArrayEquals(Files.readAllBytes(runs[0].resolve("model/classifier.zip")),
                Files.readAllBytes(runs[1].resolve("model/classifier.zip")));
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs[0].resolve("summary.json").toFile());
        int best = summary.path("best_trial").asInt();
        // the best by validation accuracy, the lower index on a tie, and its model is the run's model
        double bestValidation = a.stream().mapToDouble(r -> r.getAs("best_validation_accuracy")).max().orElseThrow();
        assertEquals(a.stream().filter(r -> r.<Double>getAs("best_validation_accuracy") == bestValidation)
                .mapToInt(r -> r.getAs("trial")).min().orElseThrow(), best);
        assertArrayEquals(Files.readAllBytes(runs[0].resolve(ClassifierTrials.TRIAL_RUNS).resolve(ClassifierTrials.trialName(best))
                .resolve("model/classifier.zip")), Files.readAllBytes(runs[0].resolve("model/classifier.zip")));
        assertEquals(a.get(best).<Double>getAs("test_accuracy"), summary.path("test_accuracy").asDouble());
        assertEquals(2, spark.read().parquet(runs[0].resolve("epochs").toString()).count());

        Path evaluation = tmp.resolve("evaluation");
        CliRun e = CliRun.of("classifier", "evaluate", "--model", runs[0].toString(), "--dataset", dataset.toString(),
                "--out", evaluation.toString());
        assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
        assertFalse(Files.exists(runs[0].resolve("checkpoint")), "the finished run keeps no checkpoint");
    }

    @Test
    void taskReaderGivesTheDriverReadersSamplesInTheSameOrder() {
        for (int frames : new int[] {1, 2}) {
            ClassifierData driver = ClassifierData.open(spark, dataset, frames, DataSplit.Mode.PARAMETERS, 0.2, 0.2, 3, true);
            try (LocalClassifierData task = LocalClassifierData.open(dataset, frames, DataSplit.Mode.PARAMETERS, 0.2, 0.2, 3)) {
                assertEquals(driver.labels(), task.labels());
                assertEquals(driver.split(), task.split());
                assertArrayEquals(driver.splitCounts(), task.splitCounts());
                for (Long order : new Long[] {null, 11L}) {
                    for (String split : new String[] {null, DataSplit.TRAIN}) {
                        for (int side : new int[] {0, 20}) {
                            assertSameSamples(driver.stream(split, order, side, driver.labels()),
                                    task.stream(split, order, side, driver.labels()));
                        }
                    }
                }
            }
        }
    }

    private static void assertSameSamples(Iterator<PatternSample> expected, Iterator<PatternSample> actual) {
        int n = 0;
        while (expected.hasNext()) {
            assertTrue(actual.hasNext(), "the task reader ends after " + n + " samples");
            PatternSample e = expected.next();
            PatternSample a = actual.next();
            assertEquals(e.id(), a.id(), "sample " + n);
            assertEquals(e.label(), a.label());
            assertEquals(e.channels(), a.channels());
            assertArrayEquals(e.values(), a.values(), "values of sample " + e.id());
            n++;
        }
        assertFalse(actual.hasNext(), "the task reader has more than " + n + " samples");
        assertTrue(n > 0);
    }

    @Test
    void sweepRunsClassifierTrainingsAsTasks() throws Exception {
        Path spec = tmp.resolve("classifier-seeds.yaml");
        Files.writeString(spec, """
                job: classifier-train
                name: classifier-seeds
                base: {dataset: %s, epochs: 1, batch: 8, validation_fraction: 0.2, test_fraction: 0.2}
                repeats: {field: seed, seeds: [1, 2]}
                """.formatted(dataset));
        Path root = tmp.resolve("sweep");
        CliRun r = CliRun.of("sweep", "--spec", spec.toString(), "--out", root.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
        List<Path> trials;
        try (var dirs = Files.list(root.resolve("trials"))) {
            trials = dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertEquals(2, trials.size());
        for (Path t : trials) {
            assertTrue(Files.isRegularFile(t.resolve("model/classifier.zip")), t.toString());
            assertEquals(1, spark.read().parquet(t.resolve("epochs").toString()).count());
        }
        long listed = spark.read().parquet(root.resolve("catalog").toString())
                .where("job = 'classifier-train' and status = 'finished'").count();
        assertEquals(2, listed);
    }

    @Test
    void classifierNoteSqlRunsAgainstATrialsRunItsDatasetAndPredictions() throws Exception {
        Path predictions = tmp.resolve("predictions");
        CliRun p = CliRun.of("classifier", "predict", "--model", runs[0].toString(), "--dataset", dataset.toString(),
                "--out", predictions.toString());
        assertEquals(ExitCodes.OK, p.exitCode(), p.stderr());
        Path notes = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("notebooks-zeppelin");
        List<ZeppelinNote> classifierNotes = new ArrayList<>();
        try (var files = Files.list(notes)) {
            files.filter(f -> f.getFileName().toString().startsWith("classifier-") && f.toString().endsWith(".zpln"))
                    .sorted().forEach(f -> classifierNotes.add(ZeppelinNote.read(f)));
        }
        assertFalse(classifierNotes.isEmpty(), "no classifier note in " + notes);
        Map<String, String> forms = Map.of("run_dir", runs[0].toString(), "dataset_dir", dataset.toString(),
                "predictions_dir", predictions.toString());
        for (ZeppelinNote note : classifierNotes) {
            SparkSession session = spark.newSession();
            assertTrue(note.paragraphs().stream().filter(NoteParagraph::isSql).count() >= 8, note.file().toString());
            for (NoteParagraph paragraph : note.paragraphs()) {
                if (!paragraph.enabled() || paragraph.isMarkdown()) {
                    continue;
                }
                assertTrue(paragraph.isSql(), paragraph.label() + " uses %" + paragraph.interpreter());
                for (String statement : SqlScript.statements(DynamicForms.expand(paragraph.body(), forms))) {
                    Row[] rows;
                    try {
                        rows = (Row[]) session.sql(statement).collect();
                    } catch (Exception e) {
                        throw new AssertionError(note.file().getFileName() + ", " + paragraph.label() + " failed on:\n"
                                + statement + "\n→ " + e, e);
                    }
                    if (SqlScript.isQuery(statement)) {
                        assertTrue(rows.length > 0, paragraph.label() + " returned no rows for:\n" + statement);
                    }
                }
            }
        }
    }

    @Test
    void badTrialOptionsAreOneLineExitTwoAndNothingWritten() {
        String[][] cases = {
            {"--trials", "0", "--trials must be at least 1"},
            {"--trials", "1", "--trial-models", "fcn", "give K of at least 2"},
            {"--trials", "2", "--trial-models", "fcn,nope", "--trial-models:"},
            {"--trials", "2", "--trial-lr", "1e-3,-1", "--trial-lr values must be positive"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("refused-" + Math.abs(String.join(" ", c).hashCode()));
            List<String> args = new ArrayList<>(List.of("classifier", "train", "--dataset", dataset.toString(), "--out",
                    out.toString()));
            args.addAll(List.of(c).subList(0, c.length - 1));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
            assertTrue(r.stderr().startsWith("morphospark: error: ") && r.stderr().contains(c[c.length - 1]), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertFalse(Files.exists(out));
        }
    }
}
