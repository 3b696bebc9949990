package io.morphospark.jobs.cli;

import io.morphospark.jobs.testing.CliRun;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bench classifier at tiny sizes: both networks' throughput lines, the PyTorch side by side (when
 * /usr/bin/python3 has torch), classifier predict against the plain loop on a tiny dataset and a
 * one-epoch model (same labels required), and bad input refused in one line with exit code 2.
 */
class ClassifierBenchTest {
    /** The calibration script, from the jobs module's directory (Surefire's working directory). */
    static final Path SCRIPT = Path.of("..", "docs", "calibration", "seed_cnn_throughput.py");
    static final String[] TINY = {"bench", "classifier", "--side", "12", "--classes", "3", "--batch", "4",
            "--batches", "2", "--warmup", "1", "--pytorch-script", SCRIPT.toString()};
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path dataset;
    static Path model;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Path spec = tmp.resolve("two-labels.yaml");
        Files.writeString(spec, """
                seed: 5
                samples_per_label: 10
                samples_per_shard: 5
                grid: {min_side: 32, max_side: 32}
                frames_per_sample: 1
                labels:
                  random: {family: bernoulli}
                  spiral: {family: cyclic-ca, params: {steps: {uniform: [30, 40]}}}
                """);
        dataset = tmp.resolve("two-labels");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", dataset.toString()));
        model = tmp.resolve("model");
        CliRun train = CliRun.of("classifier", "train", "--dataset", dataset.toString(), "--out", model.toString(),
                "--model", "seed-cnn", "--epochs", "1", "--batch", "8");
        assertEquals(ExitCodes.OK, train.exitCode(), train.stderr());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static boolean torchInstalled() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs the CLI and returns what it printed on standard output (and the exit code, checked OK). */
    static String stdout(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliRun r;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r = CliRun.of(args);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr() + "\n" + printed);
        return printed;
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no '" + regex + "' in:\n" + text);
        double v = Double.parseDouble(m.group(1));
        assertTrue(Double.isFinite(v) && v > 0, regex + " = " + v);
        return v;
    }

    @Test
    void throughputOfBothNetworksAndPredictAgainstThePlainLoop() {
        String[] args = concat(TINY, "--no-pytorch", "--predict-model", model.toString(), "--predict-dataset", dataset.toString(),
                "--predict-rounds", "2");
        String out = stdout(args);
        number(out, "fcn +input 1x12x12, [0-9]+ parameters: training ([0-9.]+) samples/s");
        number(out, "fcn .*inference ([0-9.]+) samples/s");
        number(out, "seed-cnn input 1x50x50, 650499 parameters: training ([0-9.]+) samples/s"); // the seed's network at its fixed side, whatever --side
        number(out, "seed-cnn .*inference ([0-9.]+) samples/s");
        number(out, "resize 12x12 -> 50x50 .*: ([0-9]+) samples/s");
        assertFalse(out.contains("pytorch"), out);
        assertTrue(out.contains("predict round 2: "), out);
        number(out, "through Spark .*: 20 samples in [0-9.]+ s, ([0-9.]+) samples/s");
        number(out, "plain loop .*: 20 samples in [0-9.]+ s, ([0-9.]+) samples/s");
        number(out, "predict ratio Spark / plain loop \\(wall time\\): ([0-9.]+); identical predicted labels for all 20");
    }

    @Test
    void seedCnnSideBySideWithPytorch() throws Exception {
        assumeTrue(torchInstalled(), "/usr/bin/python3 has no torch");
        String out = stdout(concat(TINY, "--models", "seed-cnn", "--frames", "2"));
        number(out, "seed-cnn pytorch .* on cpu \\(1 thread\\(s\\), [0-9]+ parameters\\): training ([0-9.]+) samples/s");
        number(out, "ratio MorphoSpark \\(DL4J\\) / PyTorch: training ([0-9.]+)");
        number(out, "ratio MorphoSpark \\(DL4J\\) / PyTorch: training [0-9.]+, inference ([0-9.]+)");
        assertFalse(out.contains("fcn"), out);
    }

    @Test
    void aDisagreementBetweenSparkAndTheLoopIsAnError() {
        ClassifierBench.requireSamePredictions(Map.of(1L, "a", 2L, "b"), Map.of(1L, "a", 2L, "b"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClassifierBench.requireSamePredictions(Map.of(1L, "a", 2L, "b"), Map.of(1L, "a", 2L, "a")));
        assertTrue(e.getMessage().contains("sample 2: loop a, spark b"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> ClassifierBench.requireSamePredictions(Map.of(1L, "a", 2L, "b"), Map.of(1L, "a")));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        for (String[] args : new String[][] {
                concat(TINY, "--models", "fcn,resnet"),
                concat(TINY, "--batches", "0"),
                concat(TINY, "--predict-rounds", "0"),
                concat(TINY, "--predict-model", model.toString()),
                concat(TINY, "--no-throughput", "--predict-model", tmp.resolve("nothing").toString(),
                        "--predict-dataset", dataset.toString()),
                concat(TINY, "--models", "seed-cnn", "--python", tmp.resolve("no-python").toString()),
        }) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), String.join(" ", args) + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("morphospark: error: "), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
        }
        CliRun unknown = CliRun.of(concat(TINY, "--models", "resnet"));
        assertTrue(unknown.stderr().contains("resnet"), unknown.stderr());
        CliRun zero = CliRun.of(concat(TINY, "--batches", "0"));
        assertTrue(zero.stderr().contains("--batches"), zero.stderr());
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
