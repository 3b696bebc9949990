package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaParameters;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/**
 * What an {@code es --problem growing-nca} run adds to its directory: the final best candidate as
 * an NCA model (so {@code nca grow|regenerate --model RUN} work on it) and its growth from the seed.
 */
public final class GrowingNcaArtifacts {
    private final GrowingNcaProblem problem;
    private final double[] best;
    private final long seed;

    public GrowingNcaArtifacts(GrowingNcaProblem problem, double[] best, long seed) {
        this.problem = problem;
        this.best = best;
        this.seed = seed;
    }

    public void write(SparkSession spark, Path runDir, int growSteps, int stride, ObjectNode summary) {
        NcaParameters p = problem.unflatten(best);
        ObjectNode extra = summary.objectNode();
        extra.put("trained_by", "es");
        NcaModelOutputs.writeModel(runDir.resolve(NcaTrainJob.MODEL_DIR), p, problem.target(), extra);
        NcaFrames frames = NcaModelOutputs.writeGrowth(spark, runDir, p, problem.target(), NcaEngine.Kind.AUTO, seed,
                growSteps, stride);
        summary.put("grown_mse", frames.rows.get(frames.rows.size() - 1).getDouble(4));
        summary.put("grow_steps", growSteps);
    }
}
