package io.morphospark.jobs.reliability;

import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
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

/**
 * Issue 12, item 2: an ES run killed (SIGKILL) in its commit phase, after the first final table
 * exists in staging, resumes and equals an uninterrupted run bit for bit (before the fix every
 * resume failed with PATH_ALREADY_EXISTS for ever).
 */
class EsCommitKillTest {
    static final List<String> OPTIONS = List.of("--generations", "4", "--population", "6", "--replicates", "10",
            "--steps", "400", "--validation-replicates", "40", "--seed", "7", "--master", "local[2]");
    static final List<String> TABLES = List.of(EsTables.GENERATIONS, EsTables.CANDIDATES, EsTables.PATTERNS,
            EsTables.TRAJECTORIES, EsTables.LEARNED_FUNCTION);

    @TempDir
    Path tmp;

    static List<String> es(String... first) {
        List<String> all = new ArrayList<>(List.of("es"));
        all.addAll(List.of(first));
        all.addAll(OPTIONS);
        return all;
    }

    @Test
    void killedAfterTheFirstFinalTableThenResumedEqualsAnUninterruptedRun() throws Exception {
        Path run = tmp.resolve("r");
        Path firstTable = tmp.resolve(".r.inprogress").resolve(EsTables.GENERATIONS);
        Path log = tmp.resolve("killed.log");
        Process driver = MainJvm.start(log, es("--out", run.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!Files.exists(firstTable) && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(Files.exists(firstTable), "the commit phase never started: " + Files.readString(log));
            assertTrue(driver.isAlive(), "the run finished before it could be killed in its commit phase");
        } finally {
            driver.destroyForcibly().waitFor();
        }
        assertFalse(Files.exists(run), "a run killed before its rename must not look finished");

        assertEquals(ExitCodes.OK, Main.execute(es("--resume", run.toString()).toArray(String[]::new)));
        Path uninterrupted = tmp.resolve("u");
        assertEquals(ExitCodes.OK, Main.execute(es("--out", uninterrupted.toString()).toArray(String[]::new)));

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String t : TABLES) {
                Tables.assertSameTable(spark, uninterrupted, run, t);
            }
        } finally {
            spark.stop();
        }
        assertEquals(List.of(), FileChecksums.verifyRun(run), "the committed run lists its files, all intact");
        assertFalse(Files.exists(tmp.resolve(".r.lock")), "the finished run leaves no lock file");
    }
}
