package io.morphospark.jobs.classifier;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.models.classifier.DataSplit;
import io.morphospark.models.classifier.InputTransform;
import io.morphospark.models.classifier.PatternSample;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * A pattern dataset as classifier input, read with Spark: per sample its label and the last
 * {@code k} frames (from {@code samples.final_*} when k = 1, else from the {@code frames} table),
 * streamed to the driver a partition at a time ({@code toLocalIterator}), so memory holds one
 * partition, never the dataset. Only the per-sample metadata (id, label, seed, parameters, shape;
 * no frames) is collected, to check the dataset and assign the split.
 *
 * <p>The order of a pass is a sort on a seeded hash of the id: the same on any partition count.
 */
public final class ClassifierData implements TrainingSamples {
    private static final String FRAME_STACK = "stack";

    private final DatasetDirectory dir;
    private final List<String> labels;
    private final int frames;
    private final int minSide;
    private final int maxSide;
    private final Dataset<Row> inputs;
    private final Map<Long, String> split;
    private final int[] splitCounts = new int[3];

    private ClassifierData(DatasetDirectory dir, List<String> labels, int frames, int minSide, int maxSide,
                           Dataset<Row> inputs, Map<Long, String> split) {
        this.dir = dir;
        this.labels = labels;
        this.frames = frames;
        this.minSide = minSide;
        this.maxSide = maxSide;
        this.inputs = inputs;
        this.split = split;
    }

    /**
     * Opens and checks a dataset (one line, exit 2, for: not a dataset, damaged, fewer than two
     * labels, or {@code frames} more than a sample with dynamics stores); with a split when
     * {@code splitMode} is given.
     */
    public static ClassifierData open(SparkSession spark, Path dataset, int frames, DataSplit.Mode splitMode,
                                      double validation, double test, long seed, boolean requireTwoLabels) {
        DatasetDirectory dir = DatasetDirectory.open(dataset);
        dir.requireIntact();
        Path samplesTable = dir.table(DatasetTables.SAMPLES);
        Dataset<Row> samples = spark.read().option("basePath", samplesTable.toString()).parquet(samplesTable.toString());
        List<Row> meta = samples.select("id", "label", "seed", "params", "width", "height", "frames").collectAsList();
        List<SampleKey> keys = new ArrayList<>(meta.size());
        for (Row r : meta) {
            keys.add(new SampleKey(r.getAs("id"), r.getAs("label"), r.getAs("seed"),
                    scala.jdk.javaapi.CollectionConverters.asJava(r.<String, Double>getMap(r.fieldIndex("params"))),
                    r.getAs("width"), r.getAs("height"), r.getAs("frames")));
        }
        Checked checked = check(dir, keys, frames, requireTwoLabels);
        Column[] frameColumns = {col("bits"), col("states").as("codes"), col("quantised")};
        Dataset<Row> stacks;
        Dataset<Row> shape = samples.select(col("id"), col("label"), col("width"), col("height"), col("states"));
        if (frames == 1) {
            stacks = samples.select(col("id"), array(struct(col("steps").as("step"), col("final_bits").as("bits"),
                    col("final_states").as("codes"), col("final_quantised").as("quantised"))).as(FRAME_STACK));
        } else {
            Path framesTable = dir.table(DatasetTables.FRAMES);
            Dataset<Row> all = spark.read().option("basePath", framesTable.toString()).parquet(framesTable.toString());
            stacks = all.withColumn("rank", row_number().over(Window.partitionBy("id").orderBy(col("step").desc())))
                    .where(col("rank").leq(frames))
                    .groupBy("id").agg(collect_list(struct(col("step"), frameColumns[0], frameColumns[1], frameColumns[2]))
                            .as(FRAME_STACK));
        }
        Dataset<Row> inputs = shape.join(stacks, "id");
        Map<Long, String> split = splitMode == null ? Map.of()
                : DataSplit.assign(checked.keys(), splitMode, validation, test, seed);
        ClassifierData data = new ClassifierData(dir, checked.labels(), frames, checked.minSide(), checked.maxSide(), inputs,
                split);
        if (splitMode != null) {
            List<Row> rows = new ArrayList<>(split.size());
            split.forEach((id, s) -> rows.add(RowFactory.create(id, s)));
            StructType schema = DataTypes.createStructType(List.of(
                    DataTypes.createStructField("id", DataTypes.LongType, false),
                    DataTypes.createStructField("split", DataTypes.StringType, false)));
            return data.withSplit(spark.createDataFrame(rows, schema));
        }
        return data;
    }

    private ClassifierData withSplit(Dataset<Row> splitTable) {
        ClassifierData d = new ClassifierData(dir, labels, frames, minSide, maxSide, inputs.join(splitTable, "id"), split);
        System.arraycopy(countSplits(split), 0, d.splitCounts, 0, 3);
        return d;
    }

    /** A sample's metadata (no frames): what checks the dataset and assigns the split. */
    record SampleKey(long id, String label, long seed, Map<String, Double> params, int width, int height, int frames) {
    }

    /** The sorted labels, the range of grid sides and the split keys of a checked dataset. */
    record Checked(List<String> labels, int minSide, int maxSide, List<DataSplit.Key> keys) {
    }

    /**
     * The checks both readers share (one line, exit 2): samples present, at least two labels when
     * training, {@code frames} no more than a sample with dynamics stores.
     */
    static Checked check(DatasetDirectory dir, List<SampleKey> meta, int frames, boolean requireTwoLabels) {
        if (meta.isEmpty()) {
            throw new BadInputException("dataset " + dir.root() + " holds no samples");
        }
        TreeSet<String> labelSet = new TreeSet<>();
        int minSide = Integer.MAX_VALUE;
        int maxSide = 0;
        List<DataSplit.Key> keys = new ArrayList<>(meta.size());
        for (SampleKey r : meta) {
            labelSet.add(r.label());
            minSide = Math.min(minSide, Math.min(r.width(), r.height()));
            maxSide = Math.max(maxSide, Math.max(r.width(), r.height()));
            if (r.frames() > 1 && r.frames() < frames) {
                throw new BadInputException("--frames " + frames + " is more than the " + r.frames() + " frames stored for label '"
                        + r.label() + "' in " + dir.root());
            }
            keys.add(new DataSplit.Key(r.id(), r.label(), r.seed(), r.params()));
        }
        if (requireTwoLabels && labelSet.size() < 2) {
            throw new BadInputException("dataset " + dir.root() + " has one label (" + labelSet.first()
                    + "); a classifier needs at least two");
        }
        return new Checked(List.copyOf(labelSet), minSide, maxSide, keys);
    }

    static int[] countSplits(Map<Long, String> split) {
        int[] counts = new int[3];
        for (String s : split.values()) {
            counts[s.equals(DataSplit.TRAIN) ? 0 : s.equals(DataSplit.VALIDATION) ? 1 : 2]++;
        }
        return counts;
    }

    @Override
    public DatasetDirectory directory() {
        return dir;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int minSide() {
        return minSide;
    }

    @Override
    public int maxSide() {
        return maxSide;
    }

    @Override
    public int[] splitCounts() {
        return splitCounts.clone();
    }

    /** Per sample: id, label, width, height, states and the frame stack (and split, when split); not yet decoded. */
    public Dataset<Row> inputs() {
        return inputs;
    }

    public int frames() {
        return frames;
    }

    @Override
    public Map<Long, String> split() {
        return split;
    }

    /** See {@link TrainingSamples#stream}; labels indexed by {@code labelOrder} (−1 for a label it lacks). */
    @Override
    public Iterator<PatternSample> stream(String splitName, Long orderSeed, int side, List<String> labelOrder) {
        Dataset<Row> d = splitName == null ? inputs : inputs.where(col("split").equalTo(splitName));
        // unshuffled passes go by grid side first, so that a fully convolutional network's batches stay full
        d = orderSeed == null ? d.orderBy("height", "width", "id") : d.orderBy(xxhash64(col("id"), lit(orderSeed)), col("id"));
        Iterator<Row> rows = d.toLocalIterator();
        int k = frames;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public PatternSample next() {
                return decode(rows.next(), k, side, labelOrder);
            }
        };
    }

    /** The input of one row of {@link #inputs()} (also on executors). */
    static PatternSample decode(Row r, int k, int side, List<String> labelOrder) {
        int states = r.getAs("states");
        List<Row> stack = new ArrayList<>(r.getList(r.fieldIndex(FRAME_STACK)));
        stack.sort(Comparator.comparingInt(f -> f.getAs("step")));
        List<float[]> normalised = new ArrayList<>(stack.size());
        for (Row f : stack) {
            normalised.add(FrameColumns.normalised(f, states));
        }
        return decode(r.getAs("id"), labelOrder.indexOf((String) r.getAs("label")), r.getAs("width"), r.getAs("height"),
                normalised, k, side);
    }

    /** A sample's input from its stored frames (normalised, oldest first), whichever reader read them. */
    static PatternSample decode(long id, int label, int w, int h, List<float[]> stack, int k, int side) {
        int outH = side > 0 ? side : h;
        int outW = side > 0 ? side : w;
        float[] values = new float[k * outH * outW];
        for (int c = 0; c < k; c++) {
            // a model without dynamics stores one frame: it stands for every one of the k
            float[] v = stack.get(Math.max(0, stack.size() - k + c));
            if (side > 0) {
                v = InputTransform.resize(v, h, w, side);
            }
            System.arraycopy(v, 0, values, c * outH * outW, outH * outW);
        }
        return new PatternSample(id, label, k, outH, outW, values);
    }
}
