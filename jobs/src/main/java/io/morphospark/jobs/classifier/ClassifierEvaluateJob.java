package io.morphospark.jobs.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.plots.FrameImages;
import io.morphospark.models.classifier.PatternSample;
import io.morphospark.models.classifier.SampleBatches;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code classifier evaluate}: a trained model on every sample of a dataset (the held-out test of
 * another grid size or noise level, typically), streamed in batches on the driver. Writes
 * {@code metrics.json} (accuracy, per-class precision/recall/F1), the {@code per_class} and
 * {@code confusion} tables, {@code plots/confusion.png} and {@code plots/misclassified.png} (the
 * first {@value #GALLERY} misclassified samples by id, captioned true → predicted).
 */
public final class ClassifierEvaluateJob {
    public static final String JOB = "classifier-evaluate";
    static final int GALLERY = 24;

    /** What run.json records; {@code split} null: every sample of the dataset. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Settings(String model, String dataset, String split) {
        /** Every sample (predict's settings too). */
        public Settings(String model, String dataset) {
            this(model, dataset, null);
        }
    }

    /** The parts of a training run's split that {@code --split} may name. */
    static final List<String> SPLIT_PARTS = List.of("test", "validation", "train");

    /** Refuses a {@code --split} that names no part of a split (null is every sample). */
    public static void requireSplitName(String split) {
        if (split != null && !SPLIT_PARTS.contains(split)) {
            throw new BadInputException("--split must be one of " + String.join(", ", SPLIT_PARTS) + ", got '" + split + "'");
        }
    }

    private final SparkSession spark;
    private final PrintStream console;

    public ClassifierEvaluateJob(SparkSession spark, PrintStream console) {
        this.spark = spark;
        this.console = console;
    }

    public ObjectNode run(Path modelRun, Path dataset, Path out) {
        return run(modelRun, dataset, out, null);
    }

    /** Scores every sample, or with {@code split} only those the training run put in that part of its split. */
    public ObjectNode run(Path modelRun, Path dataset, Path out, String split) {
        requireSplitName(split);
        ClassifierModel model = ClassifierModel.load(modelRun);
        ClassifierData data = ClassifierData.open(spark, dataset, model.frames(), null, 0, 0, 0, false);
        model.requireLabels(data.labels(), dataset);
        java.util.Set<Long> selected = split == null ? null : idsOfSplit(modelRun, split, data);
        RunDirectory dir = RunDirectory.createWithoutResume(out);
        RunManifest.write(dir.staging(), JOB, new Settings(modelRun.toAbsolutePath().normalize().toString(),
                data.directory().root().toString(), split));
        List<String> labels = model.labels();
        int n = labels.size();
        long[][] confusion = new long[n][n];
        Map<Long, PatternSample> byId = new LinkedHashMap<>();
        List<FrameImages.Tile> wrong = new ArrayList<>();
        var net = model.network();
        SampleBatches batches = new SampleBatches(() -> {
            byId.clear();
            var all = data.stream(null, null, model.side(), labels);
            return new java.util.Iterator<PatternSample>() {
                private PatternSample next = advance();

                private PatternSample advance() {
                    while (all.hasNext()) {
                        PatternSample s = all.next();
                        if (selected == null || selected.contains(s.id())) {
                            return s;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public PatternSample next() {
                    PatternSample s = next;
                    next = advance();
                    byId.put(s.id(), s);
                    return s;
                }
            };
        }, 64, labels, model.frames());
        long total = 0;
        long t0 = System.nanoTime();
        while (batches.hasNext()) {
            DataSet ds = batches.next();
            INDArray predicted;
            synchronized (net) {
                predicted = net.output(ds.getFeatures(), false).argMax(1);
            }
            long[] ids = batches.lastIds();
            for (int i = 0; i < ids.length; i++) {
                PatternSample s = byId.remove(ids[i]);
                int p = predicted.getInt(i);
                confusion[s.label()][p]++;
                if (p != s.label() && wrong.size() < GALLERY) {
                    int cells = s.height() * s.width();
                    float[] last = java.util.Arrays.copyOfRange(s.values(), (s.channels() - 1) * cells, s.channels() * cells);
                    wrong.add(new FrameImages.Tile(last, s.width(), s.height(), 0,
                            "id " + s.id() + ": " + labels.get(s.label()) + " → " + labels.get(p)));
                }
            }
            total += ids.length;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode metrics = metrics(labels, confusion);
        metrics.put("samples", total);
        metrics.put("samples_per_second", total / seconds);
        metrics.put("model", modelRun.toAbsolutePath().normalize().toString());
        metrics.put("dataset", data.directory().root().toString());
        if (split != null) {
            metrics.put("split", split);
        }
        writeTables(dir, labels, confusion, metrics);
        confusionPng(dir.resolve("plots/confusion.png"), labels, confusion);
        if (!wrong.isEmpty()) {
            FrameImages.write(dir.resolve("plots/misclassified.png"), List.of(new FrameImages.Row("misclassified", wrong)), 2);
        }
        ClassifierTrainJob.writeJson(dir.resolve("metrics.json"), metrics);
        dir.commit();
        console.printf("classifier evaluate: %d samples, accuracy %.4f, macro F1 %.4f; %s%n", total,
                metrics.get("accuracy").asDouble(), metrics.get("macro_f1").asDouble(), dir.target());
        return metrics;
    }

    /** Accuracy and per-class precision, recall and F1 (0 where undefined) from a confusion matrix [true][predicted]. */
    static ObjectNode metrics(List<String> labels, long[][] confusion) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        long right = 0;
        long total = 0;
        double macroF1 = 0;
        int present = 0;
        ArrayNode perClass = m.putArray("per_class");
        for (int c = 0; c < labels.size(); c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < labels.size(); k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
                total += confusion[c][k];
            }
            right += tp;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (actual > 0) {
                macroF1 += f1;
                present++;
            }
            ObjectNode row = perClass.addObject();
            row.put("label", labels.get(c));
            row.put("support", actual);
            row.put("precision", precision);
            row.put("recall", recall);
            row.put("f1", f1);
        }
        m.put("accuracy", total == 0 ? Double.NaN : (double) right / total);
        m.put("macro_f1", present == 0 ? Double.NaN : macroF1 / present);
        return m;
    }

    private void writeTables(RunDirectory dir, List<String> labels, long[][] confusion, ObjectNode metrics) {
        StructType confusionSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("label", DataTypes.StringType, false),
                DataTypes.createStructField("predicted", DataTypes.StringType, false),
                DataTypes.createStructField("count", DataTypes.LongType, false)));
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) {
            for (int p = 0; p < labels.size(); p++) {
                rows.add(RowFactory.create(labels.get(t), labels.get(p), confusion[t][p]));
            }
        }
        ParquetTables.write(spark, confusionSchema, rows, dir.resolve("confusion"));
        StructType perClass = DataTypes.createStructType(List.of(
                DataTypes.createStructField("label", DataTypes.StringType, false),
                DataTypes.createStructField("support", DataTypes.LongType, false),
                DataTypes.createStructField("precision", DataTypes.DoubleType, false),
                DataTypes.createStructField("recall", DataTypes.DoubleType, false),
                DataTypes.createStructField("f1", DataTypes.DoubleType, false)));
        List<Row> classRows = new ArrayList<>();
        metrics.get("per_class").forEach(r -> classRows.add(RowFactory.create(r.get("label").asText(), r.get("support").asLong(),
                r.get("precision").asDouble(), r.get("recall").asDouble(), r.get("f1").asDouble())));
        ParquetTables.write(spark, perClass, classRows, dir.resolve("per_class"));
    }

    private static void confusionPng(Path png, List<String> labels, long[][] confusion) {
        HeatMapChart chart = new HeatMapChartBuilder().width(160 + 90 * labels.size()).height(140 + 70 * labels.size())
                .title("Confusion matrix (rows: true label)").xAxisTitle("predicted").yAxisTitle("true").build();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) {
            for (int p = 0; p < labels.size(); p++) {
                cells.add(new Number[] {p, t, confusion[t][p]});
            }
        }
        chart.getStyler().setShowValue(true);
        chart.addSeries("count", labels, labels, cells);
        try {
            Files.createDirectories(png.getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /**
     * The ids the training run of {@code modelRun} assigned to {@code part}, from its {@code split}
     * table; refused when the model is not a training run or none of those ids is in the dataset.
     */
    private java.util.Set<Long> idsOfSplit(Path modelRun, String part, ClassifierData data) {
        Path run = java.nio.file.Files.isDirectory(modelRun.resolve("split")) ? modelRun : modelRun.getParent();
        if (run == null || !java.nio.file.Files.isDirectory(run.resolve("split"))) {
            throw new BadInputException("--split " + part + ": " + modelRun + " is not a 'classifier train' run with a "
                    + "split table (give the run directory, not a copied model)");
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (org.apache.spark.sql.Row r : spark.read().parquet(run.resolve("split").toString())
                .where(org.apache.spark.sql.functions.col("split").equalTo(part)).select("id").collectAsList()) {
            ids.add(r.getLong(0));
        }
        long present = data.inputs().select("id").collectAsList().stream().filter(r -> ids.contains(r.getLong(0))).count();
        if (present == 0) {
            throw new BadInputException("--split " + part + ": none of the " + ids.size() + " " + part + " samples of " + run
                    + " is in " + data.directory().root() + " (evaluate a split on the dataset the run was trained on)");
        }
        return ids;
    }
}
