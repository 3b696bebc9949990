package io.morphospark.jobs.classifier;

import io.morphospark.models.classifier.PatternSample;
import io.morphospark.models.classifier.SampleBatches;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The inference of {@code classifier predict} without the Spark job around it: the reference the
 * bench compares the job against. The same model ({@link ClassifierModel}), the same rows and
 * decoding ({@link ClassifierData#stream}, i.e. {@link ClassifierData#decode} with the dataset
 * codec), the same batch size ({@link ClassifierPredictJob#BATCH}) and the same arg-max, in one
 * loop on the calling thread. Spark only reads the Parquet rows (streamed to the driver a partition
 * at a time); it writes nothing.
 */
public final class PlainPredictionLoop {
    /** Samples per network call, as in the job. */
    public static final int BATCH = ClassifierPredictJob.BATCH;

    private PlainPredictionLoop() {
    }

    /** The predicted label of every sample of {@code dataset}, by id. */
    public static Map<Long, String> predict(SparkSession spark, Path modelRun, Path dataset) {
        ClassifierModel model = ClassifierModel.load(modelRun);
        ClassifierData data = ClassifierData.open(spark, dataset, model.frames(), null, 0, 0, 0, false);
        List<String> labels = model.labels();
        Iterator<PatternSample> samples = data.stream(null, null, model.side(), labels);
        SampleBatches batches = new SampleBatches(() -> samples, ClassifierPredictJob.BATCH, labels, model.frames());
        MultiLayerNetwork net = model.network();
        Map<Long, String> predicted = new HashMap<>();
        while (batches.hasNext()) {
            DataSet ds = batches.next();
            INDArray p;
            synchronized (net) { // the restored network is shared with any Spark task of this JVM
                p = net.output(ds.getFeatures(), false);
            }
            long[] ids = batches.lastIds();
            for (int i = 0; i < ids.length; i++) {
                predicted.put(ids[i], labels.get(ClassifierPredictJob.argMax(p.getRow(i).toDoubleVector())));
            }
        }
        return predicted;
    }
}
