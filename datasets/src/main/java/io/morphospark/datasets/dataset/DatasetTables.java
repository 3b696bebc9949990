package io.morphospark.datasets.dataset;

import io.morphospark.models.patterns.metrics.PatternMetrics;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Stored schemas of a pattern dataset (schema version {@value DatasetDirectory#SCHEMA_VERSION}),
 * documented in datasets/README.md. Both tables are partitioned by family and label in their
 * directory layout ({@code family=…/label=…/shard-NNNNNN.parquet}); readers that understand hive
 * partitioning (Spark, DuckDB, pandas/pyarrow) add those two columns.
 */
public final class DatasetTables {
    public static final String SAMPLES = "samples";
    public static final String FRAMES = "frames";
    public static final List<String> PARTITIONS = List.of("family", "label");

    private DatasetTables() {
    }

    /** The stored frame columns, in {@link FrameCodec#encode} order. */
    public static List<StructField> frameColumns(String prefix) {
        return List.of(
                field(prefix + "bits", DataTypes.createArrayType(DataTypes.BooleanType, false), true),
                field(prefix + "states", DataTypes.createArrayType(DataTypes.ByteType, false), true),
                field(prefix + "quantised", DataTypes.createArrayType(DataTypes.ShortType, false), true),
                field(prefix + "q_offset", DataTypes.DoubleType, true),
                field(prefix + "q_scale", DataTypes.DoubleType, true));
    }

    /** One row per sample: what made it, how it was observed, its metrics and its final frame. */
    public static StructType samples() {
        List<StructField> f = new ArrayList<>(List.of(
                field("id", DataTypes.LongType, false),
                field("label_index", DataTypes.LongType, false),
                field("seed", DataTypes.LongType, false),
                field("params", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false),
                field("width", DataTypes.IntegerType, false),
                field("height", DataTypes.IntegerType, false),
                field("steps", DataTypes.IntegerType, false),
                field("frames", DataTypes.IntegerType, false),
                field("attempt", DataTypes.IntegerType, false),
                field("symmetry", DataTypes.IntegerType, false),
                field("noise", DataTypes.DoubleType, false),
                field("states", DataTypes.IntegerType, false)));
        for (String m : PatternMetrics.NAMES) {
            f.add(field(m, DataTypes.DoubleType, false));
        }
        f.addAll(frameColumns("final_"));
        return DataTypes.createStructType(f);
    }

    /** One row per recorded frame of a sample's trajectory. */
    public static StructType frames() {
        List<StructField> f = new ArrayList<>(List.of(
                field("id", DataTypes.LongType, false),
                field("step", DataTypes.IntegerType, false),
                field("width", DataTypes.IntegerType, false),
                field("height", DataTypes.IntegerType, false)));
        f.addAll(frameColumns(""));
        return DataTypes.createStructType(f);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
