package io.morphospark.jobs.nca;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nca train stopped after epoch k (past its last checkpoint, so epochs are redone) and resumed
 * equals the uninterrupted run: loss, validation and trajectory tables, model/ and model-best/
 * byte for byte. model-best/ is on disk during training; the finished run keeps no checkpoint.
 */
class NcaTrainResumeTest {
    static SparkSession spark;
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static NcaSettings tiny() {
        NcaSettings s = new NcaSettings();
        s.discSize = 10;
        s.epochs = 6;
        s.pool = 4;
        s.batch = 2;
        s.minSteps = 2;
        s.maxSteps = 3;
        s.regeneration = true;
        s.validateEvery = 2;
        s.validationSteps = 6;
        s.validationGrowths = 2;
        s.growSteps = 4;
        s.trajectoryStride = 2;
        s.checkpointEvery = 2;
        return s;
    }

    @Test
    void stoppedAndResumedEqualsUninterrupted() throws Exception {
        Path straight = tmp.resolve("straight");
        new NcaTrainJob(spark, tiny(), QUIET).run(straight);

        Path run = tmp.resolve("stopped");
        Path staging = tmp.resolve(".stopped.inprogress");
        NcaTrainJob stopped = new NcaTrainJob(spark, tiny(), QUIET);
        stopped.interruptAfter = 3;
        assertThrows(IllegalStateException.class, () -> stopped.run(run));
        assertEquals(2, Checkpoint.read(staging, NcaTrainCheckpoint.class).epochsDone(), "the last checkpoint");
        assertTrue(Files.isRegularFile(staging.resolve("model-best/nca.json")), "model-best/ is on disk during training");
        assertFalse(Files.exists(run));

        // a different configuration is refused, naming the field, and leaves the run as it was
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train", "--resume", run.toString(), "--disc-size", "10",
                    "--epochs", "7"));
        } finally {
            System.setErr(originalErr);
        }
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("epochs (run: 6, given: 7)") && message.contains("pool (run: 4, given: 256)"), message);
        assertTrue(Checkpoint.exists(staging));

        NcaSettings other = tiny();
        other.checkpointEvery = 3; // an interval changes no result, so it may differ
        new NcaTrainJob(spark, other, QUIET).resume(run);
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(run.resolve("checkpoint")), "the finished run drops its checkpoint");
        for (String table : new String[] {NcaTables.LOSS, NcaTables.VALIDATION}) {
            RunFiles.assertSameTable(spark, straight, run, table, "epoch");
        }
        RunFiles.assertSameTable(spark, straight, run, NcaTables.TRAJECTORIES, "step");
        for (String file : new String[] {"model/nca.json", "model/nca.sdz", "model-best/nca.json", "model-best/nca.sdz"}) {
            RunFiles.assertSameFile(straight, run, file);
        }
        assertEquals(6, RunFiles.rows(spark, run, NcaTables.LOSS, "epoch").size());
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointResumesFromTheStart() {
        NcaSettings s = tiny();
        s.epochs = 2;
        s.validateEvery = 0;
        s.checkpointEvery = 5;
        Path run = tmp.resolve("no-checkpoint");
        NcaTrainJob stopped = new NcaTrainJob(spark, s, QUIET);
        stopped.interruptAfter = 1;
        assertThrows(IllegalStateException.class, () -> stopped.run(run));
        assertFalse(Checkpoint.exists(tmp.resolve(".no-checkpoint.inprogress")));
        new NcaTrainJob(spark, s, QUIET).resume(run);
        assertEquals(2, RunFiles.rows(spark, run, NcaTables.LOSS, "epoch").size());
    }

    @Test
    void resumeRefusesWhatItCannotContinue() throws Exception {
        Path finished = tmp.resolve("finished-run");
        NcaSettings s = tiny();
        s.epochs = 1;
        s.validateEvery = 0;
        new NcaTrainJob(spark, s, QUIET).run(finished);
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train", "--resume", finished.toString()), "a finished run");
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train", "--resume", empty.toString()), "not a run");
        Path advection = tmp.resolve("advection");
        Files.createDirectories(tmp.resolve(".advection.inprogress"));
        Files.writeString(tmp.resolve(".advection.inprogress/run.json"), "{\"job\": \"nca-train-advection\", \"config\": {}}");
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train", "--resume", advection.toString()), "another job's run");
        assertEquals(ExitCodes.USAGE, Main.execute("nca", "train"), "neither --out nor --resume");
    }
}
