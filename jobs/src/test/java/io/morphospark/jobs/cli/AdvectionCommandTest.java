package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.tables.AdvectionTables;
import io.morphospark.jobs.testing.CliRun;
import io.morphospark.jobs.testing.Tables;
import io.morphospark.models.nca.advection.AdvectionModelFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nca train-advection and eval-advection end to end on a 20×20 grid, two iterations of 3 steps; and their bad input. */
class AdvectionCommandTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainTinyModel() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        run = tmp.resolve("train");
        CliRun r = CliRun.of("nca", "train-advection", "--grid", "20", "--mass", "12", "--steps", "3", "--iterations", "2",
                "--batch", "2", "--accumulation", "1", "--pool", "4", "--warmup", "1", "--decay", "4", "--film-stride", "1",
                "--out", run.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void trainWritesModelLossTransitionsAndPlots() throws Exception {
        for (String f : List.of("run.json", "summary.json", "plots/loss.png", "plots/transition.png",
                "model/" + AdvectionModelFile.JSON, "model/" + AdvectionModelFile.SAMEDIFF)) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertEquals(2, Tables.read(spark, run, AdvectionTables.LOSS).count());
        assertTransitions(run, 3);
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("nca-train-advection", manifest.path("job").asText());
        assertEquals(12.0, AdvectionModelFile.read(run.resolve("model")).arena().mass());
    }

    @Test
    void evalWritesAndPrintsTheTransitionTable() {
        Path out = tmp.resolve("eval");
        CliRun r = CliRun.of("nca", "eval-advection", "--model", run.toString(), "--steps", "2", "--grid", "24",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
        assertTransitions(out, 2);
        assertTrue(Files.isRegularFile(out.resolve("plots/transition.png")));
    }

    @Test
    void badInputIsOneLineExitCodeTwoAndWritesNothing() {
        assertBadInput("formation LINE of mass 200", "nca", "train-advection", "--grid", "32");
        assertBadInput("diffusion rate", "nca", "train-advection", "--grid", "20", "--mass", "12", "--diffusion", "-0.1");
        assertBadInput("velocity noise", "nca", "train-advection", "--grid", "20", "--mass", "12", "--velocity-noise", "-1");
        assertBadInput("mass must be positive", "nca", "train-advection", "--grid", "20", "--mass", "0");
        assertBadInput("steps must be at least 1", "nca", "train-advection", "--grid", "20", "--mass", "12", "--steps", "0");
        assertBadInput("holds no advection NCA model", "nca", "eval-advection", "--model", tmp.resolve("nothing").toString());
        assertBadInput("formation LINE of mass 12", "nca", "eval-advection", "--model", run.toString(), "--grid", "4");
    }

    private void assertBadInput(String expected, String... args) {
        Path out = tmp.resolve("bad");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--out",
                out.toString())).toArray(String[]::new);
        CliRun r = CliRun.of(all);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), "one line: " + r.stderr());
        assertTrue(r.stderr().startsWith("morphospark: error: ") && r.stderr().contains(expected), r.stderr());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void assertTransitions(Path dir, int steps) {
        List<Row> rows = Tables.read(spark, dir, AdvectionTables.TRANSITIONS).collectAsList();
        assertEquals(18, rows.size(), "9 pairs, trained and baseline");
        for (Row row : rows) {
            assertEquals(steps, row.getInt(3));
            assertEquals(1.0, row.getDouble(5), 1e-9, "conservation ratio of " + row);
            assertTrue(row.getDouble(4) >= 0);
        }
    }
}
