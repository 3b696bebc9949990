package io.morphospark.jobs.nca;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nca train in a child JVM killed with SIGKILL (no shutdown hooks) during training, and after its
 * last epoch while it writes its results, then resumed: the run equals an uninterrupted one.
 */
class NcaTrainKillTest {
    static final int EPOCHS = 60;
    static final List<String> OPTIONS = List.of("--disc-size", "16", "--epochs", String.valueOf(EPOCHS), "--pool", "8",
            "--batch", "2", "--min-steps", "16", "--max-steps", "20", "--validate-every", "10", "--validation-steps", "20",
            "--validation-growths", "1", "--grow-steps", "10", "--stride", "5", "--seed", "5");
    @TempDir
    static Path tmp;
    static Path uninterrupted;
    static SparkSession spark;

    @BeforeAll
    static void runUninterrupted() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        uninterrupted = tmp.resolve("uninterrupted");
        assertEquals(ExitCodes.OK, Main.execute(args("--out", uninterrupted.toString())));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of("nca", "train", "--master", "local[2]"));
        all.addAll(List.of(first));
        all.addAll(OPTIONS);
        return all.toArray(String[]::new);
    }

    @Test
    void killedDuringTrainingThenResumedGivesTheSameRun() throws Exception {
        killResumeAndCompare("during-training", done -> done >= 10 && done < EPOCHS);
    }

    @Test
    void killedAfterTheLastEpochWhileWritingResultsThenResumedGivesTheSameRun() throws Exception {
        killResumeAndCompare("writing-results", done -> done == EPOCHS);
    }

    /** Starts a run in a child JVM, SIGKILLs it as soon as its checkpoint's epoch count passes {@code when}, resumes it. */
    private static void killResumeAndCompare(String name, IntPredicate when) throws Exception {
        Path run = tmp.resolve(name);
        Path staging = tmp.resolve("." + name + ".inprogress");
        List<String> command = new ArrayList<>(List.of(args("--out", run.toString(), "--checkpoint-every", "5")));
        Process driver = MainJvm.start(tmp.resolve(name + ".log"), command);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            boolean reached = false;
            while (!reached && System.nanoTime() < deadline && driver.isAlive()) {
                Thread.sleep(10);
                reached = Checkpoint.exists(staging)
                        && when.test(Checkpoint.read(staging, NcaTrainCheckpoint.class).epochsDone());
            }
            assertTrue(driver.isAlive(), "the driver finished before it could be killed: " + Files.readString(tmp.resolve(name + ".log")));
            assertTrue(reached, "the checkpoint to kill at never appeared");
        } finally {
            driver.destroyForcibly().waitFor(); // SIGKILL
        }
        assertFalse(Files.exists(run), "an interrupted run must not appear as a finished one");
        assertTrue(Files.isRegularFile(staging.resolve("model-best/nca.json")), "model-best/ is on disk before the end");

        assertEquals(ExitCodes.OK, Main.execute("nca", "train", "--resume", run.toString()));
        assertFalse(Files.exists(staging));
        for (String table : new String[] {NcaTables.LOSS, NcaTables.VALIDATION}) {
            RunFiles.assertSameTable(spark, uninterrupted, run, table, "epoch");
        }
        RunFiles.assertSameTable(spark, uninterrupted, run, NcaTables.TRAJECTORIES, "step");
        assertEquals(EPOCHS, RunFiles.rows(spark, run, NcaTables.LOSS, "epoch").size());
        for (String file : new String[] {"model/nca.json", "model/nca.sdz", "model-best/nca.json", "model-best/nca.sdz"}) {
            RunFiles.assertSameFile(uninterrupted, run, file);
        }
    }
}
