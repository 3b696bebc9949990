package io.morphospark.jobs.discover;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import io.morphospark.jobs.testing.Tables;
import io.morphospark.models.discovery.DiscoveryRun;
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

/** A discovery killed with SIGKILL mid-run and resumed equals an uninterrupted run, table for table. */
class DiscoverResumeTest {
    static final List<String> OPTIONS = List.of("--search", "map-elites", "--generations", "8", "--population", "8",
            "--gaussian-batch", "3", "--crossover-batch", "3", "--cma-batch", "4", "--agents", "20", "--steps", "40",
            "--replicates", "2", "--bins", "4,4", "--film-top", "0", "--seed", "23", "--master", "local[2]");

    @TempDir
    static Path tmp;
    static Path uninterrupted;

    static List<String> args(String... first) {
        List<String> all = new ArrayList<>(List.of("discover"));
        all.addAll(List.of(first));
        all.addAll(OPTIONS);
        return all;
    }

    @BeforeAll
    static void runUninterrupted() {
        uninterrupted = tmp.resolve("uninterrupted");
        assertEquals(ExitCodes.OK, Main.execute(args("--out", uninterrupted.toString()).toArray(String[]::new)));
    }

    @Test
    void killedMidRunThenResumedGivesIdenticalTables() throws Exception {
        Path run = tmp.resolve("killed");
        Path staging = tmp.resolve(".killed.inprogress");
        Process driver = MainJvm.start(tmp.resolve("killed-driver.log"), args("--out", run.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            int done = 0;
            while (done < 3 && System.nanoTime() < deadline && driver.isAlive()) {
                Thread.sleep(20);
                if (Checkpoint.exists(staging)) {
                    done = Checkpoint.read(staging, DiscoveryRun.class).search().generation();
                }
            }
            assertTrue(driver.isAlive(), "the driver finished before it could be killed");
            assertTrue(done >= 3, "no checkpoint of generation 3 appeared");
        } finally {
            driver.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks
        }
        assertFalse(Files.exists(run.resolve("run.json")), "an interrupted run must not appear as a finished one");

        // only --resume: the recorded configuration is the run's
        assertEquals(ExitCodes.OK, Main.execute("discover", "--resume", run.toString(), "--master", "local[2]"));

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String t : DiscoverDeterminismTest.TABLES) {
                Tables.assertSameTable(spark, uninterrupted, run, t);
            }
            assertEquals(8, Tables.read(spark, run, DiscoveryTables.GENERATIONS).count());
        } finally {
            spark.stop();
        }
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("discover", "--resume", run.toString()), "a finished run");
    }
}
