package io.morphospark.jobs.classifier;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.CliRun;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * classifier train on a tiny two-label dataset (32×32, the smallest grid generate makes): the run's files, a resume after a stop
 * equal to the uninterrupted run (weights, updater, history), and bad input refused in one line
 * with exit code 2 and nothing written.
 */
class ClassifierTrainTest {
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path dataset;
    static Path oneLabel;

    static String spec(String labels) {
        return """
                seed: 5
                samples_per_label: 14
                samples_per_shard: 7
                grid: {min_side: 32, max_side: 32}
                frames_per_sample: 3
                labels:
                %s""".formatted(labels);
    }

    static final String TWO_LABELS = """
              random: {family: bernoulli}
              spiral: {family: cyclic-ca, params: {steps: {uniform: [30, 40]}}}
            """;

    static Path generate(String name, String yaml) throws Exception {
        Path spec = tmp.resolve(name + ".yaml");
        Files.writeString(spec, yaml);
        Path out = tmp.resolve(name);
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", out.toString()));
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        dataset = generate("two-labels", spec(TWO_LABELS));
        oneLabel = generate("one-label", spec("  spotted: {family: gray-scott, params: {steps: {uniform: [120, 150]}}}\n"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static ClassifierSettings tiny(String model, int epochs) {
        ClassifierSettings s = new ClassifierSettings();
        s.dataset = dataset.toString();
        s.model = model;
        s.epochs = epochs;
        s.patience = 10;
        s.batch = 8;
        s.frames = 2;
        s.validationFraction = 0.2;
        s.testFraction = 0.2;
        s.seed = 3;
        return s;
    }

    @Test
    void trainEvaluatePredictEndToEnd() throws java.io.IOException {
        Path out = tmp.resolve("run-fcn");
        CliRun r = CliRun.of("classifier", "train", "--dataset", dataset.toString(), "--out", out.toString(),
                "--epochs", "2", "--batch", "8");
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
        for (String f : List.of("run.json", "summary.json", "model/classifier.zip", "model/classifier.json",
                "plots/loss.png", "plots/accuracy.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve(Checkpoint.FILE)), "the finished run keeps no checkpoint");
        List<Row> epochs = spark.read().parquet(out.resolve("epochs").toString()).orderBy("epoch").collectAsList();
        assertEquals(2, epochs.size());
        for (Row e : epochs) {
            double acc = e.getAs("validation_accuracy");
            assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
            assertTrue(Double.isFinite(e.<Double>getAs("loss")));
        }
        // the parameter split holds every sample once, and each label in every part
        List<Row> split = spark.read().parquet(out.resolve("split").toString()).groupBy("split").count().collectAsList();
        assertEquals(3, split.size());
        assertEquals(28, split.stream().mapToLong(x -> x.getLong(1)).sum());

        Path evaluation = tmp.resolve("evaluation");
        CliRun e = CliRun.of("classifier", "evaluate", "--model", out.toString(), "--dataset", dataset.toString(),
                "--out", evaluation.toString());
        assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
        assertTrue(Files.isRegularFile(evaluation.resolve("plots/confusion.png")));
        List<Row> confusion = spark.read().parquet(evaluation.resolve("confusion").toString()).collectAsList();
        assertEquals(4, confusion.size());
        assertEquals(28, confusion.stream().mapToLong(x -> x.<Long>getAs("count")).sum());

        // --split test scores exactly the run's held-out test samples
        long testSamples = spark.read().parquet(out.resolve("split").toString()).where("split = 'test'").count();
        Path onTest = tmp.resolve("evaluation-test");
        CliRun t = CliRun.of("classifier", "evaluate", "--model", out.toString(), "--dataset", dataset.toString(),
                "--out", onTest.toString(), "--split", "test");
        assertEquals(ExitCodes.OK, t.exitCode(), t.stderr());
        assertEquals(testSamples, spark.read().parquet(onTest.resolve("confusion").toString()).collectAsList().stream()
                .mapToLong(x -> x.<Long>getAs("count")).sum());
        assertTrue(Files.readString(onTest.resolve("metrics.json")).contains("\"split\" : \"test\""));
        CliRun bad = CliRun.of("classifier", "evaluate", "--model", out.toString(), "--dataset", dataset.toString(),
                "--out", tmp.resolve("evaluation-bad").toString(), "--split", "holdout");
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.stderr().contains("--split must be one of test, validation, train"), bad.stderr());
        assertFalse(Files.exists(tmp.resolve("evaluation-bad")));
        // a killed evaluation's staging: evaluate has no --resume, so it names the directory to delete
        Files.createDirectories(tmp.resolve(".evaluation-killed.inprogress"));
        CliRun killed = CliRun.of("classifier", "evaluate", "--model", out.toString(), "--dataset", dataset.toString(),
                "--out", tmp.resolve("evaluation-killed").toString());
        assertEquals(ExitCodes.BAD_INPUT, killed.exitCode());
        assertTrue(killed.stderr().contains("this command starts over: delete"), killed.stderr());
        assertFalse(killed.stderr().contains("--resume"), killed.stderr());

        Path predictions = tmp.resolve("predictions");
        CliRun p = CliRun.of("classifier", "predict", "--model", out.toString(), "--dataset", dataset.toString(),
                "--out", predictions.toString());
        assertEquals(ExitCodes.OK, p.exitCode(), p.stderr());
        var predicted = spark.read().parquet(predictions.resolve("predictions").toString());
        assertEquals(28, predicted.count());
        // the Spark job's predictions agree with the driver-side evaluation, label for label
        for (Row c : confusion) {
            long count = predicted.where(org.apache.spark.sql.functions.col("label").equalTo((String) c.getAs("label"))
                    .and(org.apache.spark.sql.functions.col("predicted").equalTo((String) c.getAs("predicted")))).count();
            assertEquals(c.<Long>getAs("count"), count, c.toString());
        }

        // the SQL function gives each sample the label the Spark job gave it
        io.morphospark.udfs.MorphoSparkFunctions.register(spark);
        spark.read().option("basePath", dataset.resolve("samples").toString()).parquet(dataset.resolve("samples").toString())
                .createOrReplaceTempView("samples");
        predicted.createOrReplaceTempView("predictions");
        long disagreements = spark.sql("select count(*) from samples s join predictions p using (id) where "
                + "classify_pattern('" + out + "', s.width, s.height, s.states, s.final_bits, s.final_states, "
                + "s.final_quantised) <> p.predicted").first().getLong(0);
        assertEquals(0, disagreements);

        for (String command : List.of("evaluate", "predict")) {
            Path mismatch = tmp.resolve("mismatch-" + command);
            CliRun m = CliRun.of("classifier", command, "--model", out.toString(), "--dataset", oneLabel.toString(),
                    "--out", mismatch.toString());
            if (command.equals("evaluate")) { // predict classifies unknown labels too; evaluate cannot score them
                assertEquals(ExitCodes.BAD_INPUT, m.exitCode(), m.stderr());
                assertTrue(m.stderr().contains("has labels the model was not trained on: [spotted]"), m.stderr());
                assertFalse(Files.exists(mismatch));
            } else {
                assertEquals(ExitCodes.OK, m.exitCode(), m.stderr());
            }
        }
    }

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        Path whole = tmp.resolve("whole");
        new ClassifierTrainJob(spark, tiny("seed-cnn", 3), QUIET).run(whole);
        Path stopped = tmp.resolve("stopped");
        ClassifierTrainJob first = new ClassifierTrainJob(spark, tiny("seed-cnn", 3), QUIET);
        first.interruptAfter = 1;
        assertThrows(IllegalStateException.class, () -> first.run(stopped));
        new ClassifierTrainJob(spark, tiny("seed-cnn", 3), QUIET).resume(stopped);

        var a = ModelSerializer.restoreMultiLayerNetwork(whole.resolve("model/classifier.zip").toFile(), true);
        var b = ModelSerializer.restoreMultiLayerNetwork(stopped.resolve("model/classifier.zip").toFile(), true);
        assertEquals(a.params(), b.params());
        assertEquals(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray());
        var ea = spark.read().parquet(whole.resolve("epochs").toString()).orderBy("epoch")
                .select("epoch", "loss", "train_accuracy", "validation_accuracy").collectAsList();
        var eb = spark.read().parquet(stopped.resolve("epochs").toString()).orderBy("epoch")
                .select("epoch", "loss", "train_accuracy", "validation_accuracy").collectAsList();
        assertEquals(ea, eb);
        assertEquals(Files.readString(whole.resolve("model/classifier.json")).replace(whole.toString(), ""),
                Files.readString(stopped.resolve("model/classifier.json")).replace(stopped.toString(), ""));
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path notADataset = Files.createDirectories(tmp.resolve("empty-dir"));
        Path corrupt = tmp.resolve("corrupt");
        copy(dataset, corrupt);
        try (var files = Files.walk(corrupt.resolve("frames"))) {
            Path shard = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
            Files.write(shard, new byte[] {1, 2, 3});
        }
        String[][] cases = {
            {notADataset.toString(), "1", "is not a dataset"},
            {oneLabel.toString(), "1", "has one label"},
            {corrupt.toString(), "1", "is damaged"},
            {dataset.toString(), "5", "--frames 5 is more than the 3 frames"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("refused-" + Math.abs(c[2].hashCode()));
            CliRun r = CliRun.of("classifier", "train", "--dataset", c[0], "--out", out.toString(), "--frames", c[1],
                    "--epochs", "1");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), c[2] + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("morphospark: error: ") && r.stderr().contains(c[2]), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertFalse(Files.exists(out), "nothing written for " + c[2]);
            assertFalse(Files.exists(out.resolveSibling("." + out.getFileName() + ".inprogress")));
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, q);
                }
            }
        }
    }
}
