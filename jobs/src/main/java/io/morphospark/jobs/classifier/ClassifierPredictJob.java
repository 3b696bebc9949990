package io.morphospark.jobs.classifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.models.classifier.PatternSample;
import io.morphospark.models.classifier.SampleBatches;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code classifier predict}: inference as a Spark job. The model travels once, as a broadcast of
 * its zip, and each executor JVM restores the network once ({@link ClassifierModel#network()});
 * each partition decodes its samples and classifies them in batches of {@link #BATCH}. Writes the
 * {@code predictions} table: id, label (the dataset's), predicted, confidence, probabilities (in
 * the model's label order, listed in summary.json).
 */
public final class ClassifierPredictJob {
    public static final String JOB = "classifier-predict";
    static final int BATCH = 64;
    static final StructType PREDICTIONS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.LongType, false),
            DataTypes.createStructField("label", DataTypes.StringType, true),
            DataTypes.createStructField("predicted", DataTypes.StringType, false),
            DataTypes.createStructField("confidence", DataTypes.DoubleType, false),
            DataTypes.createStructField("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), false)));

    private final SparkSession spark;
    private final PrintStream console;

    public ClassifierPredictJob(SparkSession spark, PrintStream console) {
        this.spark = spark;
        this.console = console;
    }

    public ObjectNode run(Path modelRun, Path dataset, Path out) {
        ClassifierModel model = ClassifierModel.load(modelRun);
        ClassifierData data = ClassifierData.open(spark, dataset, model.frames(), null, 0, 0, 0, false);
        RunDirectory dir = RunDirectory.createWithoutResume(out);
        RunManifest.write(dir.staging(), JOB, new ClassifierEvaluateJob.Settings(modelRun.toAbsolutePath().normalize().toString(),
                data.directory().root().toString()));
        Broadcast<ClassifierModel> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        int frames = model.frames();
        long t0 = System.nanoTime();
        data.inputs().sortWithinPartitions("height", "width", "id").mapPartitions((MapPartitionsFunction<Row, Row>) rows -> predict(rows, shipped.value(), frames),
                        Encoders.row(PREDICTIONS))
                .write().mode(SaveMode.Overwrite).option("compression", "zstd").parquet(dir.resolve("predictions").toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long n = spark.read().parquet(dir.resolve("predictions").toString()).count();
        ObjectNode summary = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        summary.putPOJO("labels", model.labels());
        summary.put("samples", n);
        summary.put("seconds", seconds);
        summary.put("samples_per_second", n / seconds);
        ClassifierTrainJob.writeJson(dir.resolve("summary.json"), summary);
        dir.commit();
        console.printf("classifier predict: %d samples in %.1f s (%.1f samples/s); %s%n", n, seconds, n / seconds, dir.target());
        return summary;
    }

    /** The predicted class: the most probable, the first of equals (shared with the bench's plain loop). */
    static int argMax(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    /** One partition's predictions, batch by batch (memory: one batch). */
    static Iterator<Row> predict(Iterator<Row> rows, ClassifierModel model, int frames) {
        List<String> labels = model.labels();
        Map<Long, String> trueLabels = new HashMap<>();
        SampleBatches batches = new SampleBatches(() -> new Iterator<PatternSample>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public PatternSample next() {
                Row r = rows.next();
                trueLabels.put(r.getAs("id"), r.getAs("label"));
                return ClassifierData.decode(r, frames, model.side(), labels);
            }
        }, BATCH, labels, frames);
        var net = model.network();
        return new Iterator<>() {
            private final List<Row> ready = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next < ready.size()) {
                    return true;
                }
                ready.clear();
                next = 0;
                if (!batches.hasNext()) {
                    return false;
                }
                DataSet ds = batches.next();
                INDArray p;
                synchronized (net) { // one restored network per JVM, shared by its tasks
                    p = net.output(ds.getFeatures(), false);
                }
                long[] ids = batches.lastIds();
                for (int i = 0; i < ids.length; i++) {
                    double[] probabilities = p.getRow(i).toDoubleVector();
                    int best = argMax(probabilities);
                    ready.add(RowFactory.create(ids[i], trueLabels.remove(ids[i]), labels.get(best), probabilities[best],
                            probabilities));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.get(next++);
            }
        };
    }
}
