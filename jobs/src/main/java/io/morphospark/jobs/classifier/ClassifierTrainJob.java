package io.morphospark.jobs.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.jobs.nca.TrainingRun;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.models.classifier.ClassifierNetworks;
import io.morphospark.models.classifier.DataSplit;
import io.morphospark.models.classifier.InputTransform;
import io.morphospark.models.classifier.PatternSample;
import io.morphospark.models.classifier.SampleBatches;
import io.morphospark.models.random.RandomStreams;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code classifier train}: trains one network on the driver (ND4J uses the machine's cores, or its
 * GPU with the cuda profile) from a dataset streamed by Spark, with early stopping on validation
 * accuracy, a checkpoint after every epoch and {@link #resume} to the same bits. The run holds
 * {@code model/} (the best epoch's network as a DL4J zip and {@code classifier.json}: labels,
 * input shape, normalisation), the {@code epochs} and {@code split} tables, loss and accuracy
 * curves, and {@code summary.json} with the test accuracy.
 *
 * <p>Randomness, all counter-based on {@code seed}: the weights, each epoch's sample order (a hash
 * sort in Spark), each (epoch, sample)'s augmentation, and each epoch's dropout masks (ND4J's
 * generator reseeded at the epoch's start); so a run resumed at an epoch boundary is the
 * uninterrupted run, and so is a run on another number of cores or partitions.
 */
public final class ClassifierTrainJob {
    public static final String JOB = "classifier-train";
    public static final String MODEL_DIR = "model";
    public static final String MODEL_ZIP = "classifier.zip";
    public static final String MODEL_JSON = "classifier.json";
    static final String EPOCHS = "epochs";
    static final String SPLIT = "split";
    static final List<String> PRODUCTS = List.of(EPOCHS, SPLIT, "plots", MODEL_DIR, "summary.json");
    private static final long ORDER = 0x6F72646572L;
    private static final long AUGMENT = 0x6175676DL;
    private static final long DROPOUT = 0x64726F70L;
    /** The zip format's earliest time, local and zone-free: no wall clock in a model file. */
    static final java.time.LocalDateTime ZIP_ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    private final SparkSession spark;
    private final ClassifierSettings settings;
    private final PrintStream console;
    /** Fault injection for tests: fail right after this many epochs (and their checkpoint); -1 never. */
    int interruptAfter = -1;

    public ClassifierTrainJob(SparkSession spark, ClassifierSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        try (TrainingSamples data = open()) {
            RunDirectory dir = RunDirectory.create(out);
            RunManifest.write(dir.staging(), JOB, settings);
            return execute(dir, data, null);
        }
    }

    /** Continues an interrupted run from its last checkpoint; the result equals the uninterrupted run's. */
    public ObjectNode resume(Path out) {
        settings.validate();
        try (TrainingSamples data = open()) {
            RunDirectory dir = TrainingRun.reopen(out, JOB, settings);
            ClassifierCheckpoint state = RunResumption.checkpointOr(dir, ClassifierCheckpoint.class, () -> null);
            TrainingRun.clear(dir, PRODUCTS);
            console.printf("classifier train: resuming %s after epoch %d%n", dir.target(), state == null ? 0 : state.epochsDone());
            return execute(dir, data, state);
        }
    }

    /** Through Spark on the driver; inside a Spark task (no session: a trial) the task reads the files itself. */
    private TrainingSamples open() {
        if (spark == null) {
            return LocalClassifierData.open(Path.of(settings.dataset), settings.frames, settings.splitMode(),
                    settings.validationFraction, settings.testFraction, settings.splitSeed());
        }
        return ClassifierData.open(spark, Path.of(settings.dataset), settings.frames, settings.splitMode(),
                settings.validationFraction, settings.testFraction, settings.splitSeed(), true);
    }

    /** The side the network is trained at: its fixed one, else the dataset's (the smallest, when sides differ). */
    static int trainingSide(ClassifierNetworks network, TrainingSamples data) {
        if (network.fixedSide() > 0) {
            return network.fixedSide();
        }
        return data.minSide() == data.maxSide() ? 0 : data.minSide();
    }

    private ObjectNode execute(RunDirectory dir, TrainingSamples data, ClassifierCheckpoint state) {
        long start = System.nanoTime();
        ClassifierNetworks network = settings.network();
        List<String> labels = data.labels();
        int side = trainingSide(network, data);
        int netSide = side > 0 ? side : data.minSide();
        int[] counts = data.splitCounts();
        if (counts[0] == 0 || counts[1] == 0 || counts[2] == 0) {
            throw new io.morphospark.datasets.BadInputException("the " + settings.split + " split of " + settings.dataset
                    + " leaves a part empty (train " + counts[0] + ", validation " + counts[1] + ", test " + counts[2]
                    + "): the dataset is too small for these fractions");
        }
        MultiLayerNetwork net = state == null
                ? network.build(settings.frames, netSide, labels.size(), settings.learningRate, settings.seed)
                : restore(dir.resolve(state.modelFile()));
        List<ClassifierCheckpoint.EpochRecord> history = state == null ? new ArrayList<>() : new ArrayList<>(state.history());
        int bestEpoch = state == null ? -1 : state.bestEpoch();
        double bestAccuracy = state == null ? -1 : state.bestValidationAccuracy();
        String bestFile = state == null ? null : state.bestFile();
        boolean stopped = state != null && state.stopped();
        console.printf("classifier train: %s, %d labels %s, %d frame(s), input %s, %d parameters; split %s: train %d, "
                        + "validation %d, test %d -> %s%n", network.cliName(), labels.size(), labels, settings.frames,
                side > 0 ? side + "×" + side : "as stored (" + data.minSide() + "×" + data.minSide() + ")", net.numParams(),
                settings.split, counts[0], counts[1], counts[2], dir.target());
        for (int e = history.size(); e < settings.epochs && !stopped; e++) {
            long t0 = System.nanoTime();
            double[] loss = trainEpoch(net, data, side, labels, e);
            double ms = (System.nanoTime() - t0) / 1e6;
            double trainAccuracy = accuracy(net, data, DataSplit.TRAIN, side, labels, settings.frames);
            double validationAccuracy = accuracy(net, data, DataSplit.VALIDATION, side, labels, settings.frames);
            var record = new ClassifierCheckpoint.EpochRecord(e, loss[0] / loss[1], trainAccuracy, validationAccuracy,
                    loss[1] / (ms / 1000), ms);
            history.add(record);
            if (validationAccuracy > bestAccuracy) {
                bestAccuracy = validationAccuracy;
                bestEpoch = e;
                bestFile = "checkpoint/best-epoch-" + (e + 1) + ".zip";
                save(net, dir.resolve(bestFile));
            }
            stopped = e - bestEpoch >= settings.patience;
            console.printf("epoch %3d: loss %.4f, train accuracy %.4f, validation accuracy %.4f, %.1f samples/s%s%n", e,
                    record.loss(), trainAccuracy, validationAccuracy, record.samplesPerSecond(),
                    stopped ? " (early stop: best " + String.format("%.4f", bestAccuracy) + " at epoch " + bestEpoch + ")" : "");
            String modelFile = "checkpoint/model-epoch-" + (e + 1) + ".zip";
            save(net, dir.resolve(modelFile));
            Checkpoint.write(dir.staging(), new ClassifierCheckpoint(e + 1, history, bestEpoch, bestAccuracy, stopped,
                    modelFile, bestFile));
            deleteOtherZips(dir.resolve("checkpoint"), modelFile, bestFile);
            if (e + 1 == interruptAfter) {
                throw new IllegalStateException("interrupted after epoch " + e + " (fault injection)");
            }
        }
        MultiLayerNetwork best = restore(dir.resolve(bestFile));
        double testAccuracy = accuracy(best, data, DataSplit.TEST, side, labels, settings.frames);
        writeOutputs(dir, data, best, side, history);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("model", network.cliName());
        summary.put("epochs_run", history.size());
        summary.put("best_epoch", bestEpoch);
        summary.put("best_validation_accuracy", bestAccuracy);
        summary.put("test_accuracy", testAccuracy);
        summary.put("split", settings.split);
        summary.put("train_samples", counts[0]);
        summary.put("validation_samples", counts[1]);
        summary.put("test_samples", counts[2]);
        summary.put("train_samples_per_second", history.stream().mapToDouble(ClassifierCheckpoint.EpochRecord::samplesPerSecond)
                .average().orElse(Double.NaN));
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        writeJson(dir.resolve("summary.json"), summary);
        TrainingRun.commit(dir);
        console.printf("classifier train: best validation accuracy %.4f at epoch %d; test accuracy %.4f (%s split); run in %s%n",
                bestAccuracy, bestEpoch, testAccuracy, settings.split, dir.target());
        return summary;
    }

    /** One pass over the training split in a seeded order, augmented; returns {summed loss, samples}. */
    private double[] trainEpoch(MultiLayerNetwork net, TrainingSamples data, int side, List<String> labels, int epoch) {
        Nd4j.getRandom().setSeed(RandomStreams.mix64(settings.seed ^ RandomStreams.mix64(DROPOUT + epoch)));
        long orderSeed = RandomStreams.mix64(settings.seed ^ RandomStreams.mix64(ORDER + epoch));
        long augmentSeed = RandomStreams.mix64(settings.seed ^ RandomStreams.mix64(AUGMENT + epoch));
        SampleBatches batches = new SampleBatches(() -> {
            Iterator<PatternSample> it = data.stream(DataSplit.TRAIN, orderSeed, side, labels);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public PatternSample next() {
                    PatternSample s = it.next();
                    return InputTransform.augment(s, settings.symmetries, settings.noise,
                            new SplittableRandom(RandomStreams.mix64(augmentSeed ^ RandomStreams.mix64(s.id()))));
                }
            };
        }, settings.batch, labels, settings.frames);
        double lossSum = 0;
        long n = 0;
        while (batches.hasNext()) {
            DataSet ds = batches.next();
            net.fit(ds);
            lossSum += net.score() * ds.numExamples();
            n += ds.numExamples();
        }
        return new double[] {lossSum, n};
    }

    static double accuracy(MultiLayerNetwork net, TrainingSamples data, String split, int side, List<String> labels,
                           int channels) {
        SampleBatches batches = new SampleBatches(() -> data.stream(split, null, side, labels), 64, labels, channels);
        long right = 0;
        long n = 0;
        while (batches.hasNext()) {
            DataSet ds = batches.next();
            var predicted = net.output(ds.getFeatures(), false).argMax(1);
            var truth = ds.getLabels().argMax(1);
            right += predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
            n += ds.numExamples();
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    private void writeOutputs(RunDirectory dir, TrainingSamples data, MultiLayerNetwork best, int side,
                              List<ClassifierCheckpoint.EpochRecord> history) {
        Path model = dir.resolve(MODEL_DIR);
        save(best, model.resolve(MODEL_ZIP));
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("format", "morphospark-classifier/1");
        json.put("model", settings.model);
        json.putPOJO("labels", data.labels());
        json.put("frames", settings.frames);
        json.put("channels", settings.frames);
        json.put("side", side);
        json.put("any_side", settings.network().fixedSide() == 0);
        json.put("trained_side", side > 0 ? side : data.minSide());
        json.put("layout", "NCHW, channels = the last k frames, oldest first");
        json.put("normalisation", "discrete frames of n states: state/(n-1); continuous frames: (v-min)/(max-min) per frame; "
                + (settings.network().fixedSide() > 0 ? "then resized bilinearly to side×side" : "any side as stored"));
        json.put("dataset", data.directory().root().toString());
        json.put("dataset_spec_hash", data.directory().manifest().path("spec_hash").asText());
        writeJson(model.resolve(MODEL_JSON), json);

        StructType epochs = DataTypes.createStructType(List.of(
                DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
                DataTypes.createStructField("loss", DataTypes.DoubleType, false),
                DataTypes.createStructField("train_accuracy", DataTypes.DoubleType, false),
                DataTypes.createStructField("validation_accuracy", DataTypes.DoubleType, false),
                DataTypes.createStructField("samples_per_second", DataTypes.DoubleType, false),
                DataTypes.createStructField("ms", DataTypes.DoubleType, false)));
        List<Row> rows = new ArrayList<>();
        double[] x = new double[history.size()];
        double[] loss = new double[history.size()];
        double[] train = new double[history.size()];
        double[] validation = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            var r = history.get(i);
            rows.add(RowFactory.create(r.epoch(), r.loss(), r.trainAccuracy(), r.validationAccuracy(), r.samplesPerSecond(),
                    r.millis()));
            x[i] = r.epoch();
            loss[i] = r.loss();
            train[i] = r.trainAccuracy();
            validation[i] = r.validationAccuracy();
        }
        ParquetTables.write(spark, epochs, rows, dir.resolve(EPOCHS));
        Plots.lines(dir.resolve("plots/loss.png"), "Training loss", "epoch", "cross-entropy", x, Plots.series("loss", loss),
                Plots.YScale.LOSS);
        Plots.lines(dir.resolve("plots/accuracy.png"), "Accuracy", "epoch", "accuracy", x,
                Plots.series("train", train, "validation", validation));

        StructType split = DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.LongType, false),
                DataTypes.createStructField("split", DataTypes.StringType, false)));
        List<Row> splitRows = new ArrayList<>();
        data.split().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(en -> splitRows.add(RowFactory.create(en.getKey(), en.getValue())));
        ParquetTables.write(spark, split, splitRows, dir.resolve(SPLIT));
    }

    static MultiLayerNetwork restore(Path zip) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (IOException e) {
            throw new io.morphospark.datasets.BadInputException("model " + zip + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Written to a temporary file and renamed, so a kill never leaves a torn zip under the final name.
     * DL4J stamps each zip entry with the wall clock, so two runs with the same weights would give
     * different files (and checksums); the entries are rewritten with a fixed time, so the same seed
     * gives the same bytes.
     */
    static void save(MultiLayerNetwork net, Path zip) {
        try {
            Files.createDirectories(zip.getParent());
            var serialised = new java.io.ByteArrayOutputStream();
            ModelSerializer.writeModel(net, serialised, true);
            Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
            try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(serialised.toByteArray()));
                 var out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    ZipEntry fixed = new ZipEntry(e.getName());
                    fixed.setTimeLocal(ZIP_ENTRY_TIME);
                    out.putNextEntry(fixed);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
    }

    private static void deleteOtherZips(Path checkpointDir, String keepA, String keepB) {
        try (var files = Files.list(checkpointDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".zip")).toList()) {
                String rel = "checkpoint/" + p.getFileName();
                if (!rel.equals(keepA) && !rel.equals(keepB)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + checkpointDir, e);
        }
    }

    static void writeJson(Path file, ObjectNode node) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
