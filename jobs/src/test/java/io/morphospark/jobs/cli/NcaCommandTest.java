package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.jobs.testing.Tables;
import io.morphospark.models.nca.NcaModelFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nca train, grow and regenerate end to end on a 10×10 grid, a couple of epochs and a few steps. */
class NcaCommandTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainTinyModel() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        run = tmp.resolve("train");
        int code = Main.execute("nca", "train", "--target", "disc", "--disc-size", "10", "--epochs", "2", "--pool", "4",
                "--batch", "2", "--min-steps", "2", "--max-steps", "3", "--grow-steps", "6", "--stride", "3",
                "--regeneration", "--seed-cell", "alpha-hidden", "--out", run.toString());
        assertEquals(ExitCodes.OK, code);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void trainWritesARunDirectory() throws Exception {
        for (String f : List.of("run.json", "summary.json", "plots/loss.png", "plots/growth.png", "model/nca.json",
                "model/nca.sdz", "model/target.png", "plots/validation.png", "model-best/nca.json")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        List<Row> loss = Tables.read(spark, run, NcaTables.LOSS).orderBy("epoch").collectAsList();
        assertEquals(2, loss.size());
        assertTrue(loss.get(0).getDouble(1) > 0);
        List<Row> frames = Tables.read(spark, run, NcaTables.TRAJECTORIES).orderBy("step").collectAsList();
        assertEquals(List.of(0, 3, 6), frames.stream().map(r -> r.getInt(1)).toList());
        assertEquals(10 * 10 * 4, frames.get(0).getList(5).size());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("nca-train", manifest.path("job").asText());
        assertEquals("before", manifest.path("config").path("reseed").asText(), "Distill's seed placement by default");
        assertEquals(4, manifest.path("config").path("validation_growths").asInt());
        assertEquals("alpha-hidden", new ObjectMapper().readTree(run.resolve("model/nca.json").toFile()).path("seed_cell").asText());
        assertEquals(io.morphospark.models.nca.NcaConfig.SeedCell.ALPHA_HIDDEN,
                NcaModelFile.read(run.resolve("model")).config().seedCell(), "grow and regenerate start from the model's seed cell");
    }

    @Test
    void trainingValidatesGrowthFromTheSeedAtTheLastEpoch() throws Exception {
        List<Row> checks = Tables.read(spark, run, NcaTables.VALIDATION).orderBy("fire_rate").collectAsList();
        assertEquals(List.of(0.5, 1.0), checks.stream().map(r -> r.getDouble(1)).toList());
        for (Row r : checks) {
            assertEquals(1, r.getInt(0));
            assertEquals(400, r.getInt(2));
            assertTrue(r.getDouble(3) >= 0 && r.getDouble(3) <= 1, "MSE of clamped RGBA is in [0, 1]");
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertEquals(checks.get(0).getDouble(3), summary.path("best_validation_mse").asDouble(), 0.0);
    }

    @Test
    void sameDiffExportRunsAStepLikeTheJsonModel() {
        SameDiff sd = SameDiff.load(run.resolve("model/nca.sdz").toFile(), false);
        INDArray seed = Nd4j.zeros(DataType.FLOAT, 1, 10, 10, 16);
        seed.putScalar(new long[] {0, 5, 5, 3}, 1.0);
        INDArray next = sd.outputSingle(Map.of("state", seed, "fire", Nd4j.ones(DataType.FLOAT, 1, 10, 10, 1)), "next");
        INDArray expected = io.morphospark.models.nca.NcaStep.build(NcaModelFile.read(run.resolve("model")),
                io.morphospark.models.nca.MlpForm.MATMUL).next(seed, Nd4j.ones(DataType.FLOAT, 1, 10, 10, 1));
        assertTrue(expected.equalsWithEps(next, 1e-6));
    }

    @Test
    void growWritesFramesAndSummary() throws Exception {
        Path out = tmp.resolve("grow");
        assertEquals(ExitCodes.OK, Main.execute("nca", "grow", "--model", run.toString(), "--steps", "4", "--stride", "2",
                "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("plots/growth.png")));
        assertEquals(3, Tables.read(spark, out, NcaTables.TRAJECTORIES).count());
        assertTrue(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("mse_grown").isNumber());
    }

    @Test
    void regenerateDamagesAndRegrows() throws Exception {
        Path out = tmp.resolve("regen");
        assertEquals(ExitCodes.OK, Main.execute("nca", "regenerate", "--model", run.resolve("model").toString(),
                "--grow-steps", "4", "--regrow-steps", "4", "--damage-from", "2", "--damage-to", "6", "--stride", "2",
                "--out", out.toString()));
        JsonNode r = new ObjectMapper().readTree(out.resolve("regeneration.json").toFile());
        for (String k : List.of("mse_grown", "mse_damaged", "mse_regrown", "regrown_over_grown")) {
            assertTrue(r.path(k).isNumber(), k);
        }
        assertTrue(Files.isRegularFile(out.resolve("plots/regeneration.png")));
    }
}
