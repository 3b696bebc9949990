package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reproduction ({@code --dt 1e300 --steps 3}): every candidate's states blow up. The
 * run used to crash while plotting −Infinity after its last generation; it must finish, say how
 * many candidates were invalid, and write no NaN or Infinity into summary.json.
 */
class EsInvalidCandidatesTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path run;
    static String console;

    @BeforeAll
    static void runAllInvalid() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.generations = 2;
        s.optimizer.population = 4;
        s.problem.replicates = 4;
        s.problem.dt = 1e300;
        s.problem.steps = 3;
        s.evaluation.validationReplicates = 6;
        s.output.trajectoryReplicates = 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EsJob(spark, s, new PrintStream(out, true, StandardCharsets.UTF_8)).run(tmp.resolve("run"));
        console = out.toString(StandardCharsets.UTF_8);
        run = tmp.resolve("run");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void runFinishesAndSaysHowManyCandidatesWereInvalid() {
        assertTrue(Files.exists(run.resolve("run.json")), "the run is committed");
        assertTrue(console.contains("es: 8 of 8 candidates were invalid"), console);
        assertTrue(console.contains("final best fitness undefined"), console);
        assertTrue(console.contains("best undefined  mean undefined  std undefined  invalid 4 of 4"), console);
        assertFalse(console.contains("Infinity") || console.contains("NaN"), console);
        for (String plot : new String[] {"fitness.png", "learned_function.png", "patterns.png"}) {
            assertTrue(Files.exists(run.resolve("plots").resolve(plot)), plot);
        }
        assertEquals(8, Tables.read(spark, run, EsTables.CANDIDATES).where("invalid").count());
    }

    @Test
    void summaryRecordsInvalidCountsAndNullForUndefinedValues() throws Exception {
        String text = Files.readString(run.resolve("summary.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode s = new ObjectMapper().readTree(text); // strict JSON
        assertEquals(8, s.get("invalid_total").asInt());
        assertEquals(8, s.get("candidates_total").asInt());
        assertEquals(4, s.get("invalid_last_generation").asInt());
        assertTrue(s.get("final_best_fitness").isNull());
        assertTrue(s.get("best_ever_fitness").isNull());
        assertTrue(s.get("final_best_candidate").isNull());
        JsonNode v = s.get("validation");
        assertEquals(6, v.get("invalid_replicates").asInt());
        assertTrue(v.get("u_hard").isNull());
        assertTrue(v.get("most_frequent_pattern").isNull());
    }
}
