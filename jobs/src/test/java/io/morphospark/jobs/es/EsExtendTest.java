package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.CliRun;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code es --resume RUN --generations G'} extends a finished run into exactly the run that was
 * started with G' generations; a finished run keeps only a compact checkpoint for that.
 */
class EsExtendTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path direct;
    static Path extended;
    static ObjectNode directSummary;
    static ObjectNode extendedSummary;
    static long compactCheckpointBytes;

    static EsSettings settings(int generations) {
        EsSettings s = EsJobTest.small(5);
        s.generations = generations;
        return s;
    }

    static EsJob job(EsSettings s) {
        return new EsJob(spark, s, new PrintStream(PrintStream.nullOutputStream()));
    }

    @BeforeAll
    static void runDirectAndExtended() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        direct = tmp.resolve("direct");
        directSummary = job(settings(5)).run(direct);
        extended = tmp.resolve("extended");
        job(settings(3)).run(extended);
        compactCheckpointBytes = Files.size(extended.resolve(Checkpoint.FILE));
        extendedSummary = job(settings(5)).resume(extended);
        directSummary.remove(List.of("wall_time_s", "phases")); // timings, the only values that may differ
        extendedSummary.remove(List.of("wall_time_s", "phases"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void extendedRunEqualsTheRunStartedWithMoreGenerations() {
        for (String t : EsDeterminismTest.RESULT_TABLES) {
            Tables.assertSameTable(spark, direct, extended, t);
        }
        assertEquals(5, Tables.read(spark, extended, EsTables.TIMINGS).count());
        assertEquals(directSummary, extendedSummary);
        JsonNode config = RunManifest.read(extended).get("config");
        assertEquals(5, config.get("generations").asInt());
        assertEquals(RunManifest.read(direct).get("config_hash"), RunManifest.read(extended).get("config_hash"));
    }

    @Test
    void interruptedRunResumedWithMoreGenerationsEqualsTheLongerRun() {
        Path run = tmp.resolve("interrupted");
        EsJob first = job(settings(3));
        first.interruptAfter = 2;
        assertThrows(IllegalStateException.class, () -> first.run(run));
        assertFalse(Files.exists(run.resolve("run.json")), "interrupted, not finished");
        ObjectNode summary = job(settings(5)).resume(run);
        for (String t : EsDeterminismTest.RESULT_TABLES) {
            Tables.assertSameTable(spark, direct, run, t);
        }
        summary.remove(List.of("wall_time_s", "phases"));
        assertEquals(directSummary, summary);
        assertEquals(RunManifest.read(direct).get("config_hash"), RunManifest.read(run).get("config_hash"));
        assertFalse(Files.exists(tmp.resolve(".interrupted.inprogress")));
    }

    @Test
    void runKilledBetweenCompactionAndCommitIsCommittedByResume() throws Exception {
        Path run = tmp.resolve("uncommitted");
        job(settings(5)).run(run);
        Files.move(run, tmp.resolve(".uncommitted.inprogress")); // as if killed just before the final rename
        ObjectNode summary = job(settings(5)).resume(run);
        assertTrue(Files.exists(run.resolve("run.json")));
        assertFalse(Files.exists(tmp.resolve(".uncommitted.inprogress")));
        for (String t : EsDeterminismTest.RESULT_TABLES) {
            Tables.assertSameTable(spark, direct, run, t);
        }
        summary.remove(List.of("wall_time_s", "phases"));
        assertEquals(directSummary.toString(), summary.toString(), "the summary it wrote before the kill");
    }

    @Test
    void extensionLeavesNothingBeside() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".extended")).count(),
                    "no staging, reopening or superseded directory is left");

        }
        assertFalse(Files.exists(extended.resolve(".reopened")));
    }

    @Test
    void finishedRunKeepsACompactCheckpoint() {
        EsCheckpoint c = Checkpoint.read(direct, EsCheckpoint.class);
        assertTrue(c.record().rowsInTables);
        assertEquals(5, c.record().generations);
        assertEquals(0, c.record().historyLength);
        // the rows went to the tables; the staging history log does not ship with the run
        assertFalse(Files.exists(direct.resolve(io.morphospark.datasets.run.HistoryLog.FILE)));
        assertFalse(Files.exists(extended.resolve(io.morphospark.datasets.run.HistoryLog.FILE)));
        assertEquals(5, c.optimizer().generation());
        // optimiser state and counters: kilobytes, not the tables again
        assertTrue(compactCheckpointBytes < 20_000, "checkpoint of a finished run: " + compactCheckpointBytes + " bytes");
    }

    @Test
    void resumeNamesWhatItCannotDo() throws Exception {
        CliRun sameLength = CliRun.of("es", "--resume", extended.toString());
        assertEquals(ExitCodes.BAD_INPUT, sameLength.exitCode());
        assertTrue(sameLength.stderr().contains("has already finished its 5 generations"), sameLength.stderr());

        CliRun shorter = CliRun.of("es", "--resume", extended.toString(), "--generations", "4");
        assertEquals(ExitCodes.BAD_INPUT, shorter.exitCode());
        assertTrue(shorter.stderr().contains("can only be extended"), shorter.stderr());

        CliRun other = CliRun.of("es", "--resume", extended.toString(), "--generations", "7", "--seed", "9",
                "--replicates", "12");
        assertEquals(ExitCodes.BAD_INPUT, other.exitCode());
        assertEquals(1, other.stderr().lines().count(), other.stderr());
        assertTrue(other.stderr().contains("problem.replicates: 10 → 12; seed: 5 → 9"), other.stderr());
        assertFalse(other.stderr().contains("generations:"), "generations may change: " + other.stderr());
        assertEquals(5, new ObjectMapper().readTree(extended.resolve("run.json").toFile()).at("/config/generations").asInt());
    }
}
