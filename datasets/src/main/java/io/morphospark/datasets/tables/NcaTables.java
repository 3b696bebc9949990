package io.morphospark.datasets.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Schemas of the tables a neural-CA run writes. */
public final class NcaTables {
    public static final String LOSS = "loss";
    public static final String TRAJECTORIES = "trajectories";
    public static final String VALIDATION = "validation";

    private NcaTables() {
    }

    /** One row per training epoch: the batch's mean loss and the epoch's wall time. */
    public static StructType loss() {
        return DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
                DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
                DataTypes.createStructField("loss", DataTypes.DoubleType, false),
                DataTypes.createStructField("steps", DataTypes.IntegerType, false),
                DataTypes.createStructField("ms", DataTypes.DoubleType, false)});
    }

    /** Growth from the seed checked during training: RGBA MSE after {@code steps} steps at {@code fire_rate}. */
    public static StructType validation() {
        return DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
                DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
                DataTypes.createStructField("fire_rate", DataTypes.DoubleType, false),
                DataTypes.createStructField("steps", DataTypes.IntegerType, false),
                DataTypes.createStructField("mse", DataTypes.DoubleType, false)});
    }

    /**
     * Frames of a growth run: {@code rgba} is the clamped visible state, row-major
     * {@code [(y·width + x)·4 + k]}; {@code phase} is "grow" or "regrow" (after damage).
     */
    public static StructType trajectories() {
        return DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
                DataTypes.createStructField("phase", DataTypes.StringType, false),
                DataTypes.createStructField("step", DataTypes.IntegerType, false),
                DataTypes.createStructField("height", DataTypes.IntegerType, false),
                DataTypes.createStructField("width", DataTypes.IntegerType, false),
                DataTypes.createStructField("mse", DataTypes.DoubleType, false),
                DataTypes.createStructField("rgba", DataTypes.createArrayType(DataTypes.FloatType, false), false)});
    }
}
