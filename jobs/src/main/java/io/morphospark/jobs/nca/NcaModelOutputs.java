package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.nca.Growth;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaModelFile;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.RgbaLoss;
import io.morphospark.models.nca.Seeds;
import io.morphospark.models.nca.Target;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.buffer.DataType;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** What every run that produces a growing NCA writes (gradient training and the ES alike). */
final class NcaModelOutputs {
    private NcaModelOutputs() {
    }

    /** A model directory: the JSON export, the SameDiff graph and the target image ({@code nca grow --model} reads these). */
    static void writeModel(Path modelDir, NcaParameters p, Target target, ObjectNode extra) {
        NcaModelFile.write(modelDir, p, extra);
        try {
            ImageIO.write(target.toImage(), "png", modelDir.resolve(NcaTrainJob.TARGET_PNG).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grows from the seed, every cell firing; writes the trajectories table and plots/growth.png. */
    static NcaFrames writeGrowth(SparkSession spark, Path runDir, NcaParameters p, Target target, NcaEngine.Kind engine,
                                 long seed, int steps, int stride) {
        NcaFrames frames = new NcaFrames(new RgbaLoss(target), stride);
        new Growth(p, engine, 1.0, seed).run(Seeds.seed(p.config(), 1, target.height(), target.width(), DataType.FLOAT),
                0, 0, steps, stride, (step, state) -> frames.add("grow", step, state));
        ParquetTables.write(spark, NcaTables.trajectories(), frames.rows, runDir.resolve(NcaTables.TRAJECTORIES));
        FilmStrip.write(runDir.resolve("plots/growth.png"), frames.film);
        return frames;
    }
}
