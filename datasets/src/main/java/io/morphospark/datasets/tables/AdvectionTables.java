package io.morphospark.datasets.tables;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schemas of the tables an advection-NCA run writes. */
public final class AdvectionTables {
    public static final String LOSS = "loss";
    public static final String TRANSITIONS = "transitions";

    private AdvectionTables() {
    }

    /**
     * One row per training iteration: the losses averaged over its accumulated batches, the
     * gradient norm before clipping, the learning rate used, the worst conservation ratio
     * (final / initial total mass) of its samples and the iteration's wall time.
     */
    public static StructType loss() {
        return DataTypes.createStructType(new StructField[] {
                DataTypes.createStructField("iteration", DataTypes.IntegerType, false),
                DataTypes.createStructField("loss", DataTypes.DoubleType, false),
                DataTypes.createStructField("mass_loss", DataTypes.DoubleType, false),
                DataTypes.createStructField("velocity_loss", DataTypes.DoubleType, false),
                DataTypes.createStructField("gradient_norm", DataTypes.DoubleType, false),
                DataTypes.createStructField("learning_rate", DataTypes.DoubleType, false),
                DataTypes.createStructField("conservation", DataTypes.DoubleType, false),
                DataTypes.createStructField("ms", DataTypes.DoubleType, false)});
    }

    /**
     * One row per policy and source → target formation pair: the final mass MSE against the
     * target and the conservation ratio (final / initial total mass); policy "trained" or
     * "baseline" (velocity = the goal's normalised gradient, no network).
     */
    public static StructType transitions() {
        return DataTypes.createStructType(new StructField[] {
                DataTypes.createStructField("policy", DataTypes.StringType, false),
                DataTypes.createStructField("source", DataTypes.StringType, false),
                DataTypes.createStructField("target", DataTypes.StringType, false),
                DataTypes.createStructField("steps", DataTypes.IntegerType, false),
                DataTypes.createStructField("mass_mse", DataTypes.DoubleType, false),
                DataTypes.createStructField("conservation", DataTypes.DoubleType, false)});
    }
}
