package io.morphospark.jobs.es;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run killed with SIGKILL in the middle of a stage and resumed equals an uninterrupted run. */
class EsResumeTest {
    static final List<String> OPTIONS = List.of("--generations", "8", "--population", "6", "--replicates", "10",
            "--steps", "1500", "--replicate-block", "5", "--validation-replicates", "20", "--seed", "21");

    @TempDir
    static Path tmp;
    static Path uninterrupted;

    static int es(String... args) {
        List<String> all = new ArrayList<>(List.of("es", "--master", "local[2]"));
        all.addAll(List.of(args));
        return Main.execute(all.toArray(String[]::new));
    }

    static String[] withOptions(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(OPTIONS);
        return all.toArray(String[]::new);
    }

    @BeforeAll
    static void runUninterrupted() {
        uninterrupted = tmp.resolve("uninterrupted");
        assertEquals(ExitCodes.OK, es(withOptions("--out", uninterrupted.toString())));
    }

    @Test
    void killedDuringAStageThenResumedGivesIdenticalTables() throws Exception {
        Path run = tmp.resolve("killed");
        Path staging = tmp.resolve(".killed.inprogress");
        List<String> args = new ArrayList<>(List.of("es", "--master", "local[2]", "--out", run.toString()));
        args.addAll(OPTIONS);
        Process driver = MainJvm.start(tmp.resolve("killed-driver.log"), args);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int done = 0;
            while (done < 3 && System.nanoTime() < deadline && driver.isAlive()) {
                Thread.sleep(20);
                if (Checkpoint.exists(staging)) {
                    done = Checkpoint.read(staging, EsCheckpoint.class).optimizer().generation();
                }
            }
            assertTrue(driver.isAlive(), "the driver finished before it could be killed");
            assertTrue(done >= 3, "no checkpoint of generation 3 appeared");
        } finally {
            driver.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, mid-stage
        }
        assertFalse(Files.exists(run), "an interrupted run must not appear as a finished one");

        assertEquals(ExitCodes.OK, es("--resume", run.toString()));

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String t : EsDeterminismTest.RESULT_TABLES) {
                Tables.assertSameTable(spark, uninterrupted, run, t);
            }
            assertEquals(8, Tables.read(spark, run, EsTables.GENERATIONS).select("generation").distinct().count());
            assertEquals(8, Tables.read(spark, run, EsTables.GENERATIONS).count());
        } finally {
            spark.stop();
        }
    }

    @Test
    void resumeRefusesWhatItCannotContinue() throws Exception {
        assertEquals(ExitCodes.BAD_INPUT, es("--resume", uninterrupted.toString()), "a finished run");
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        assertEquals(ExitCodes.BAD_INPUT, es("--resume", empty.toString()), "a directory that is not a run");

        // an interrupted run (staging with its run.json) resumed with a different configuration
        Path run = tmp.resolve("other-config");
        Path staging = Files.createDirectories(tmp.resolve(".other-config.inprogress"));
        Files.copy(uninterrupted.resolve("run.json"), staging.resolve("run.json"));
        String[] changed = withOptions("--resume", run.toString());
        changed[changed.length - 1] = "22"; // another seed
        assertEquals(ExitCodes.BAD_INPUT, es(changed));
        assertEquals(ExitCodes.BAD_INPUT, es(withOptions("--out", run.toString())), "a new run over an interrupted one");
        assertTrue(Files.exists(staging.resolve("run.json")), "the interrupted run is kept");
    }
}
