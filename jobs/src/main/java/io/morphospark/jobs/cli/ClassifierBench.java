package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.BadInputException;
import io.morphospark.jobs.classifier.ClassifierPredictJob;
import io.morphospark.jobs.classifier.PlainPredictionLoop;
import io.morphospark.models.classifier.ClassifierNetworks;
import io.morphospark.models.classifier.InputTransform;
import io.morphospark.models.gpu.MathThreads;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code morphospark bench classifier}: the speed figures of issue 15. (1) Training and inference
 * samples/s of the networks {@link ClassifierNetworks} builds, on synthetic inputs, with ND4J pinned
 * to {@code --threads} ({@link MathThreads}); (2) the seed CNN side by side with the same network in
 * PyTorch on CPU ({@code docs/calibration/seed_cnn_throughput.py}); (3) {@code classifier predict}
 * through Spark against {@link PlainPredictionLoop}, with the predicted labels checked equal.
 */
@Command(name = "classifier", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pattern classifier speed: training and inference samples/s per model (ND4J pinned to --threads), "
                + "the seed CNN against the same network in PyTorch on CPU, and 'classifier predict' through Spark "
                + "against the same inference in one plain loop (--predict-model with --predict-dataset).")
final class ClassifierBench implements Runnable {
    @Option(names = "--models", split = ",", defaultValue = "fcn,seed-cnn",
            description = "Networks measured (fcn, seed-cnn) (default: ${DEFAULT-VALUE}).") String[] models;
    @Option(names = "--side", defaultValue = "64", description = "Grid side of the synthetic frames; seed-cnn always "
            + "gets 50×50, as the job resizes to (default: ${DEFAULT-VALUE}).") int side;
    @Option(names = "--frames", defaultValue = "1", description = "Frames per sample, the input channels (default: ${DEFAULT-VALUE}).")
    int frames;
    @Option(names = "--classes", defaultValue = "5", description = "Labels (default: ${DEFAULT-VALUE}).") int classes;
    @Option(names = "--batch", defaultValue = "32", description = "Minibatch, the seed's (default: ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--batches", defaultValue = "50", description = "Timed minibatches, for training and again for "
            + "inference (default: ${DEFAULT-VALUE}).") int batches;
    @Option(names = "--warmup", defaultValue = "5", description = "Untimed minibatches first (JIT, ND4J workspaces) "
            + "(default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--threads", defaultValue = "1", description = "Threads ND4J (and PyTorch) may use; 1 gives the "
            + "per-core figures (default: ${DEFAULT-VALUE}).") int threads;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of weights and synthetic inputs (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--no-throughput", negatable = false, description = "Skip the network throughput (and PyTorch).")
    boolean noThroughput;
    @Option(names = "--no-pytorch", negatable = false, description = "Skip the PyTorch side by side.") boolean noPytorch;
    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch (Debian's "
            + "python3-torch) (default: ${DEFAULT-VALUE}).") String python;
    @Option(names = "--pytorch-script", defaultValue = "docs/calibration/seed_cnn_throughput.py", paramLabel = "FILE",
            description = "The PyTorch calibration script (default: ${DEFAULT-VALUE}, from the repository root).")
    Path pytorchScript;
    @Option(names = "--predict-model", paramLabel = "RUN", description = "A 'classifier train' run: time 'classifier "
            + "predict' with it over --predict-dataset against one plain loop.") Path predictModel;
    @Option(names = "--predict-dataset", paramLabel = "DIR", description = "The dataset for the predict comparison.")
    Path predictDataset;
    @Option(names = "--predict-rounds", defaultValue = "3", description = "Rounds of the predict comparison, each "
            + "path once per round; the first is left out of the medians when there are more (default: ${DEFAULT-VALUE}).")
    int predictRounds;
    @Mixin SparkOptions spark;

    /** One network's figures. */
    record Throughput(String model, int inputSide, long parameters, int loopThreads, double trainSamplesPerSecond,
                      double inferenceSamplesPerSecond) {
    }

    @Override
    public void run() {
        BenchCommand.known("--models", models, ClassifierNetworks::of);
        BenchCommand.atLeast("--side", side, 4);
        BenchCommand.atLeast("--frames", frames, 1);
        BenchCommand.atLeast("--classes", classes, 2);
        BenchCommand.atLeast("--batch", batch, 1);
        BenchCommand.atLeast("--batches", batches, 1);
        BenchCommand.atLeast("--warmup", warmup, 0);
        BenchCommand.atLeast("--threads", threads, 1);
        BenchCommand.atLeast("--predict-rounds", predictRounds, 1);
        if ((predictModel == null) != (predictDataset == null)) {
            throw new BadInputException("--predict-model and --predict-dataset go together");
        }
        boolean pytorch = !noThroughput && !noPytorch && List.of(models).stream()
                .anyMatch(m -> ClassifierNetworks.of(m) == ClassifierNetworks.SEED_CNN);
        if (pytorch) {
            requireTorch(); // before any measuring: a missing torch is the user's to fix
        }
        if (!noThroughput) {
            System.out.printf("classifier bench: %d frame(s) of %dx%d, %d classes, batch %d, %d warm-up + %d timed "
                            + "minibatches, ND4J pinned to %d thread(s), %d cores on this machine%n", frames, side, side, classes,
                    batch, warmup, batches, threads, Runtime.getRuntime().availableProcessors());
            for (String name : models) {
                Throughput t = throughput(ClassifierNetworks.of(name));
                System.out.printf("%-8s input %dx%dx%d, %d parameters: training %.1f samples/s, inference %.1f samples/s "
                                + "(ND4J ran %d loop thread(s): %.1f and %.1f per thread)%n", t.model(), frames, t.inputSide(),
                        t.inputSide(), t.parameters(), t.trainSamplesPerSecond(), t.inferenceSamplesPerSecond(), t.loopThreads(),
                        t.trainSamplesPerSecond() / t.loopThreads(), t.inferenceSamplesPerSecond() / t.loopThreads());
                if (ClassifierNetworks.of(name) == ClassifierNetworks.SEED_CNN) {
                    resizeCost();
                    if (pytorch) {
                        compareWithPytorch(t);
                    }
                }
            }
        }
        if (predictModel != null) {
            spark.withSession("morphospark-bench", this::comparePredict);
        }
    }

    /** Training then inference samples/s of one network on a fixed synthetic minibatch (throughput does not depend on the data). */
    private Throughput throughput(ClassifierNetworks kind) {
        int inputSide = kind.fixedSide() > 0 ? kind.fixedSide() : side;
        try (MathThreads pin = MathThreads.pin(threads)) {
            MultiLayerNetwork net = kind.build(frames, inputSide, classes, 1e-3, seed);
            DataSet minibatch = synthetic(inputSide);
            for (int i = 0; i < warmup; i++) {
                net.fit(minibatch);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                net.fit(minibatch);
            }
            double train = (System.nanoTime() - t0) / 1e9;
            INDArray features = minibatch.getFeatures();
            double sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += net.output(features, false).getDouble(0);
            }
            t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                sink += net.output(features, false).getDouble(0); // reading a value waits for the result
            }
            double inference = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(sink)) {
                throw new IllegalStateException(kind.cliName() + " produced a non-finite output");
            }
            // the pin cannot raise ND4J above its start-up thread count: the figures say what it really used
            return new Throughput(kind.cliName(), inputSide, net.numParams(), MathThreads.loopThreads(),
                    (double) batches * batch / train,
                    (double) batches * batch / inference);
        }
    }

    /** Uniform [0, 1) frames (what normalisation gives) and uniformly drawn labels, from {@code --seed}. */
    private DataSet synthetic(int inputSide) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[batch * frames * inputSide * inputSide];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        float[] y = new float[batch * classes];
        for (int i = 0; i < batch; i++) {
            y[i * classes + random.nextInt(classes)] = 1f;
        }
        return new DataSet(Nd4j.create(x, new long[] {batch, frames, inputSide, inputSide}, DataType.FLOAT),
                Nd4j.create(y, new long[] {batch, classes}, DataType.FLOAT));
    }

    /**
     * The seed CNN's figures above start from 50×50 inputs; the job gets there by a bilinear resize per
     * frame while decoding (ClassifierData.decode), measured here on its own.
     */
    private void resizeCost() {
        int fixed = ClassifierNetworks.SEED_CNN.fixedSide();
        if (side == fixed) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] frame = new float[side * side];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) random.nextDouble();
        }
        int n = (warmup + batches) * batch * frames;
        double sink = 0;
        for (int i = 0; i < n; i++) {
            sink += InputTransform.resize(frame, side, side, fixed)[i % (fixed * fixed)];
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += InputTransform.resize(frame, side, side, fixed)[i % (fixed * fixed)];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seed-cnn resize %dx%d -> %dx%d (bilinear, in the job's decoding; not in the figures above): "
                + "%.0f samples/s on one thread%s%n", side, side, fixed, fixed, n / frames / seconds, sink < 0 ? "!" : "");
    }

    private void requireTorch() {
        if (!Files.isRegularFile(pytorchScript)) {
            throw new BadInputException("--pytorch-script " + pytorchScript + " is not a file (run from the repository "
                    + "root, pass --pytorch-script, or --no-pytorch)");
        }
        Process p;
        try {
            p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BadInputException("--python " + python + " did not import torch within 120 s");
            }
        } catch (IOException e) {
            throw new BadInputException("--python " + python + " cannot be run: " + e.getMessage() + " (or pass --no-pytorch)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking for torch", e);
        }
        if (p.exitValue() != 0) {
            throw new BadInputException("--python " + python + " cannot import torch (install Debian's python3-torch, "
                    + "or pass --no-pytorch)");
        }
    }

    /** Runs the calibration script with the same threads, minibatch, batches, classes and frames; prints both and the ratios. */
    private void compareWithPytorch(Throughput jvm) {
        List<String> command = List.of(python, pytorchScript.toString(), String.valueOf(threads), String.valueOf(batches),
                String.valueOf(classes), String.valueOf(frames));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BATCH", String.valueOf(batch));
        pb.environment().put("DEVICE", "cpu");
        String output;
        int exit;
        try {
            Process p = pb.start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PyTorch ran", e);
        }
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || json == null) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "): "
                    + output.strip().lines().reduce((a, b) -> b).orElse("no output"));
        }
        JsonNode r;
        try {
            r = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("PyTorch printed no JSON: " + json, e);
        }
        if (r.path("parameters").asLong() != jvm.parameters()) { // not the same network: no ratio to report
            throw new IllegalStateException("PyTorch's seed CNN has " + r.path("parameters").asLong() + " parameters, DL4J's "
                    + jvm.parameters());
        }
        double train = r.path("train_samples_per_s").asDouble();
        double inference = r.path("inference_samples_per_s").asDouble();
        System.out.printf("seed-cnn pytorch %s on %s (%d thread(s), %d parameters): training %.1f samples/s, inference %.1f "
                        + "samples/s%n", r.path("torch").asText("?"), r.path("device").asText(), r.path("threads").asInt(),
                r.path("parameters").asLong(), train, inference);
        System.out.printf("seed-cnn ratio MorphoSpark (DL4J) / PyTorch: training %.3f, inference %.3f%n",
                jvm.trainSamplesPerSecond() / train, jvm.inferenceSamplesPerSecond() / inference);
    }

    /**
     * {@code classifier predict} (its own code path, into a temporary directory) against the plain loop, on
     * the same model and dataset, {@code --predict-rounds} times in turn; the first round pays the JIT and
     * the one-off restore of the network, so with more than one round the ratio is of the later rounds' medians.
     */
    private Void comparePredict(SparkSession session) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("morphospark-bench-predict");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            double[] sparkSeconds = new double[predictRounds];
            double[] loopSeconds = new double[predictRounds];
            int n = 0;
            for (int round = 0; round < predictRounds; round++) {
                Path out = scratch.resolve("predict-" + round);
                long t0 = System.nanoTime();
                new ClassifierPredictJob(session, quiet).run(predictModel, predictDataset, out);
                sparkSeconds[round] = (System.nanoTime() - t0) / 1e9;
                Map<Long, String> viaSpark = new HashMap<>();
                for (Row r : session.read().parquet(out.resolve("predictions").toString()).select("id", "predicted")
                        .collectAsList()) {
                    viaSpark.put(r.getLong(0), r.getString(1));
                }
                t0 = System.nanoTime();
                Map<Long, String> viaLoop = PlainPredictionLoop.predict(session, predictModel, predictDataset);
                loopSeconds[round] = (System.nanoTime() - t0) / 1e9;
                requireSamePredictions(viaSpark, viaLoop);
                n = viaLoop.size();
                System.out.printf("predict round %d: classifier predict %.2f s, plain loop %.2f s, %d samples, identical "
                        + "predicted labels%n", round + 1, sparkSeconds[round], loopSeconds[round], n);
            }
            int from = predictRounds > 1 ? 1 : 0;
            double spark = median(java.util.Arrays.copyOfRange(sparkSeconds, from, predictRounds));
            double loop = median(java.util.Arrays.copyOfRange(loopSeconds, from, predictRounds));
            String rounds = predictRounds > 1 ? "median of rounds 2.." + predictRounds : "one round, JIT included";
            System.out.printf("classifier predict through Spark (master %s, model restored once per JVM): %d samples in "
                    + "%.2f s, %.1f samples/s (%s)%n", session.sparkContext().master(), n, spark, n / spark, rounds);
            System.out.printf("plain loop (one thread, ND4J %d loop thread(s), same decoding and batches of %d): %d samples in "
                    + "%.2f s, %.1f samples/s (%s)%n", MathThreads.loopThreads(), PlainPredictionLoop.BATCH, n, loop, n / loop,
                    rounds);
            System.out.printf("predict ratio Spark / plain loop (wall time): %.3f; identical predicted labels for all %d samples%n",
                    spark / loop, n);
            return null;
        } finally {
            try {
                org.apache.commons.io.FileUtils.deleteDirectory(scratch.toFile());
            } catch (IOException e) {
                System.err.println("morphospark: warning: cannot delete " + scratch + ": " + e.getMessage());
            }
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** The two paths must agree sample by sample; any difference is a bug, not a measurement. */
    static void requireSamePredictions(Map<Long, String> viaSpark, Map<Long, String> viaLoop) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Long, String> e : viaLoop.entrySet()) {
            String s = viaSpark.get(e.getKey());
            if (!e.getValue().equals(s)) {
                differences.add("sample " + e.getKey() + ": loop " + e.getValue() + ", spark " + s);
            }
        }
        for (Long id : viaSpark.keySet()) {
            if (!viaLoop.containsKey(id)) {
                differences.add("sample " + id + ": only in spark's predictions");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("classifier predict and the plain loop disagree on " + differences.size()
                    + " sample(s), e.g. " + differences.get(0));
        }
    }
}
