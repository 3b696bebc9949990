package io.morphospark.datasets.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Schemas of the tables an evolution-strategy run writes (documented in datasets/README.md). */
public final class EsTables {
    public static final String GENERATIONS = "generations";
    public static final String CANDIDATES = "candidates";
    public static final String PATTERNS = "patterns";
    public static final String TRAJECTORIES = "trajectories";
    public static final String LEARNED_FUNCTION = "learned_function";
    /** Wall-clock figures live apart from results, so that result tables are bit-identical across runs. */
    public static final String TIMINGS = "timings";

    private EsTables() {
    }

    /** One row per generation: fitness statistics, the best candidate's metrics, cost, bytes shipped, optimiser state. */
    public static StructType generations(List<String> metricNames) {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField("generation", DataTypes.IntegerType, false),
                DataTypes.createStructField("best_fitness", DataTypes.DoubleType, false),
                DataTypes.createStructField("mean_fitness", DataTypes.DoubleType, false),
                DataTypes.createStructField("std_fitness", DataTypes.DoubleType, false),
                DataTypes.createStructField("best_candidate", DataTypes.IntegerType, false),
                DataTypes.createStructField("invalid_count", DataTypes.IntegerType, false)));
        for (String m : metricNames) {
            f.add(DataTypes.createStructField("best_" + m, DataTypes.DoubleType, false));
        }
        f.add(DataTypes.createStructField("evaluations", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("cell_steps", DataTypes.LongType, false));
        // bytes of the population as Spark ships it: λ vectors, or a centre and seeds for perturbation recipes
        f.add(DataTypes.createStructField("shipped_bytes", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("optimizer_state",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false));
        return DataTypes.createStructType(f);
    }

    /** Per generation: wall time of the whole generation and of its evaluation stage. */
    public static StructType timings() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("generation", DataTypes.IntegerType, false),
                DataTypes.createStructField("elapsed_ms", DataTypes.LongType, false),
                DataTypes.createStructField("evaluate_ms", DataTypes.LongType, false)));
    }

    /** One row per evaluated candidate: lineage, fitness, metrics and the flat parameters. */
    public static StructType candidates(List<String> metricNames) {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField("generation", DataTypes.IntegerType, false),
                DataTypes.createStructField("candidate", DataTypes.IntegerType, false),
                DataTypes.createStructField("parent", DataTypes.IntegerType, false),
                DataTypes.createStructField("fitness", DataTypes.DoubleType, false),
                DataTypes.createStructField("invalid", DataTypes.BooleanType, false)));
        for (String m : metricNames) {
            f.add(DataTypes.createStructField(m, DataTypes.DoubleType, false));
        }
        f.add(DataTypes.createStructField("params", DataTypes.createArrayType(DataTypes.DoubleType, false), false));
        return DataTypes.createStructType(f);
    }

    /** The best candidate's final binary pattern per replicate, per generation ("1010101"). */
    public static StructType patterns() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("generation", DataTypes.IntegerType, false),
                DataTypes.createStructField("replicate", DataTypes.IntegerType, false),
                DataTypes.createStructField("pattern", DataTypes.StringType, false),
                DataTypes.createStructField("ones", DataTypes.IntegerType, false)));
    }

    /** The final best candidate's cell states for some replicates, every {@code stride} steps. */
    public static StructType trajectories() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("replicate", DataTypes.IntegerType, false),
                DataTypes.createStructField("step", DataTypes.IntegerType, false),
                DataTypes.createStructField("time", DataTypes.DoubleType, false),
                DataTypes.createStructField("states", DataTypes.createArrayType(DataTypes.FloatType, false), false)));
    }

    /** The final best regulatory function f(s̄) on a grid, beside the seed's tanh reference. */
    public static StructType learnedFunction() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("s_bar", DataTypes.DoubleType, false),
                DataTypes.createStructField("f", DataTypes.DoubleType, false),
                DataTypes.createStructField("reference", DataTypes.DoubleType, false)));
    }
}
