package io.morphospark.jobs.agents;

import io.morphospark.datasets.dataset.DatasetTables;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.types.DataTypes.createStructField;

/** The Parquet tables of an agents run. */
public final class AgentsTables {
    public static final String METRICS = "metrics";
    public static final String TRAJECTORIES = "trajectories";
    public static final String FRAMES = "frames";

    private AgentsTables() {
    }

    /** One row per replicate and step: the measures of that step's state. */
    public static StructType metrics() {
        return DataTypes.createStructType(List.of(
                createStructField("replicate", DataTypes.IntegerType, false),
                createStructField("step", DataTypes.IntegerType, false),
                createStructField("agents", DataTypes.IntegerType, false),
                createStructField("polar_order", DataTypes.DoubleType, false),
                createStructField("homotypic", DataTypes.DoubleType, false),
                createStructField("boundary", DataTypes.DoubleType, false),
                createStructField("sorting_score", DataTypes.DoubleType, false),
                createStructField("mean_neighbours", DataTypes.DoubleType, false),
                createStructField("complexity", DataTypes.DoubleType, false)));
    }

    /** One row per replicate, recorded step and agent. */
    public static StructType trajectories() {
        return DataTypes.createStructType(List.of(
                createStructField("replicate", DataTypes.IntegerType, false),
                createStructField("step", DataTypes.IntegerType, false),
                createStructField("agent", DataTypes.LongType, false),
                createStructField("x", DataTypes.DoubleType, false),
                createStructField("y", DataTypes.DoubleType, false),
                createStructField("type", DataTypes.IntegerType, false),
                createStructField("heading", DataTypes.DoubleType, false),
                createStructField("energy", DataTypes.DoubleType, false)));
    }

    /** One row per replicate and recorded step: the type map (0 empty, 1 + type; n_states values) in the dataset frame encoding. */
    public static StructType frames() {
        List<StructField> f = new ArrayList<>(List.of(
                createStructField("replicate", DataTypes.IntegerType, false),
                createStructField("step", DataTypes.IntegerType, false),
                createStructField("width", DataTypes.IntegerType, false),
                createStructField("height", DataTypes.IntegerType, false),
                createStructField("n_states", DataTypes.IntegerType, false)));
        f.addAll(DatasetTables.frameColumns(""));
        return DataTypes.createStructType(f);
    }
}
