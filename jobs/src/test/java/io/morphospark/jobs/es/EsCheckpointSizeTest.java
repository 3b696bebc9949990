package io.morphospark.jobs.es;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.HistoryLog;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-generation checkpoint holds the optimiser state and counters only: its size at
 * generation 200 is that at generation 10, while the rows go to the append-only history log
 * (issue 17, item 0). Bytes, not time.
 */
class EsCheckpointSizeTest {
    static SparkSession spark;
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

    static EsSettings settings(int generations) {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.seed = 3;
        s.problem.name = "rosenbrock";
        s.problem.dim = 10;
        s.optimizer.algorithm = "cma-es";
        s.optimizer.population = 10;
        s.generations = generations;
        return s;
    }

    /** Runs until the checkpoint of {@code stopAt} is written, then fails as a kill would. */
    static void runUntil(Path out, int generations, int stopAt, boolean resume) {
        EsJob job = new EsJob(spark, settings(generations), new PrintStream(PrintStream.nullOutputStream()));
        job.interruptAfter = stopAt;
        assertThrows(IllegalStateException.class, () -> {
            if (resume) {
                job.resume(out);
            } else {
                job.run(out);
            }
        });
    }

    @Test
    void checkpointDoesNotGrowWithTheGenerations() throws Exception {
        Path out = tmp.resolve("run");
        runUntil(out, 200, 10, false);
        Path staging = tmp.resolve(".run.inprogress");
        long checkpointAt10 = Files.size(staging.resolve(Checkpoint.FILE));
        long logAt10 = Files.size(staging.resolve(HistoryLog.FILE));
        runUntil(out, 200, 200, true);
        long checkpointAt200 = Files.size(staging.resolve(Checkpoint.FILE));
        long logAt200 = Files.size(staging.resolve(HistoryLog.FILE));

        EsCheckpoint at200 = Checkpoint.read(staging, EsCheckpoint.class);
        assertEquals(200, at200.record().generations);
        assertEquals(logAt200, at200.record().historyLength);
        assertTrue(Math.abs(checkpointAt200 - checkpointAt10) <= 64,
                "checkpoint bytes at generation 10: " + checkpointAt10 + ", at 200: " + checkpointAt200);
        assertTrue(logAt200 > 10 * logAt10, "the rows are in the log: " + logAt10 + " -> " + logAt200 + " bytes");
    }
}
