package io.morphospark.jobs.nca.advection;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.tables.AdvectionTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.nca.RunFiles;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * nca train-advection stopped after iteration k (past its last checkpoint) and resumed equals the
 * uninterrupted run: loss and transition tables, model/ byte for byte.
 */
class AdvectionTrainResumeTest {
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

    static AdvectionSettings tiny() {
        AdvectionSettings s = new AdvectionSettings();
        s.grid = 16;
        s.mass = 10;
        s.iterations = 5;
        s.steps = 2;
        s.batch = 2;
        s.accumulation = 2;
        s.pool = 6;
        s.refresh = 1;
        s.warmup = 1;
        s.decay = 4;
        s.filmStride = 1;
        s.hidden1 = 16;
        s.hidden2 = 16;
        s.checkpointEvery = 2;
        return s;
    }

    @Test
    void stoppedAndResumedEqualsUninterrupted() throws Exception {
        Path straight = tmp.resolve("straight");
        new AdvectionTrainJob(spark, tiny(), QUIET).run(straight);

        Path run = tmp.resolve("stopped");
        Path staging = tmp.resolve(".stopped.inprogress");
        AdvectionTrainJob stopped = new AdvectionTrainJob(spark, tiny(), QUIET);
        stopped.interruptAfter = 3;
        assertThrows(IllegalStateException.class, () -> stopped.run(run));
        assertEquals(2, Checkpoint.read(staging, AdvectionCheckpoint.class).iterationsDone(), "the last checkpoint");
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train-advection", "--resume", run.toString(), "--seed", "1"),
                "another configuration");
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("nca", "train", "--resume", run.toString()), "another job");

        new AdvectionTrainJob(spark, tiny(), QUIET).resume(run);
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(run.resolve("checkpoint")), "the finished run drops its checkpoint");
        RunFiles.assertSameTable(spark, straight, run, AdvectionTables.LOSS, "iteration");
        RunFiles.assertSameTable(spark, straight, run, AdvectionTables.TRANSITIONS, "policy", "source", "target");
        RunFiles.assertSameFile(straight, run, AdvectionTrainJob.MODEL_DIR + "/" + io.morphospark.models.nca.advection.AdvectionModelFile.JSON);
    }
}
