package io.morphospark.jobs.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.jobs.agents.AgentsRunJob;
import io.morphospark.jobs.agents.AgentsTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.MainJvm;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 (round 2), item 3: {@code agents run} killed (SIGKILL, in a child JVM) after some of its
 * replicates have committed their results resumes with {@code --resume}, runs only the missing
 * replicates and equals an uninterrupted run bit for bit; a resume with different settings is
 * refused naming the field, and a finished run has nothing to resume.
 */
class AgentsRunKillTest {
    static final int REPLICATES = 8;
    static final List<String> OPTIONS = List.of("--movement", "random_walk", "--decision", "consensus_based",
            "--communication", "local_signaling", "--scenario", "collective_movement", "--agents", "1500", "--steps", "400",
            "--stride", "100", "--replicates", Integer.toString(REPLICATES), "--partitions", Integer.toString(REPLICATES),
            "--seed", "11", "--master", "local[2]");

    @TempDir
    Path tmp;

    /** The run's options, with {@code first} in front (an option given there replaces the same one in OPTIONS). */
    static List<String> agents(String... first) {
        List<String> all = new ArrayList<>(List.of("agents", "run"));
        all.addAll(List.of(first));
        for (int i = 0; i < OPTIONS.size(); i += 2) {
            if (!all.contains(OPTIONS.get(i))) {
                all.addAll(OPTIONS.subList(i, i + 2));
            }
        }
        return all;
    }

    private static List<Path> committedReplicates(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
    }

    @Test
    void killedAfterItsFirstReplicatesThenResumedRunsOnlyTheMissingOnesAndEqualsAnUninterruptedRun() throws Exception {
        Path run = tmp.resolve("r");
        Path replicates = tmp.resolve(".r.inprogress").resolve(AgentsRunJob.REPLICATES);
        Path log = tmp.resolve("killed.log");
        Process driver = MainJvm.start(log, agents("--out", run.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (committedReplicates(replicates).isEmpty() && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertFalse(committedReplicates(replicates).isEmpty(), "no replicate was committed: " + Files.readString(log));
            assertTrue(driver.isAlive(), "the run finished before it could be killed");
        } finally {
            driver.destroyForcibly().waitFor();
        }
        assertFalse(Files.exists(run), "a killed run must not look finished");
        int done = committedReplicates(replicates).size();
        assertTrue(done >= 1 && done < REPLICATES, done + " replicates committed at the kill");

        // a resume must be the run that was started: a different setting is refused, naming it, and nothing changes
        Console refused = Console.run(agents("--resume", run.toString(), "--agents", "1600").toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode());
        assertTrue(refused.errorLine().contains("agents: 1500 → 1600"), refused.stderr());
        assertEquals(done, committedReplicates(replicates).size());

        Console resumed = Console.run(agents("--resume", run.toString()).toArray(String[]::new));
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.stderr());
        assertTrue(resumed.stdout().contains(done + " of " + REPLICATES + " replicates already done"), resumed.stdout());
        assertFalse(Files.exists(run.resolve(AgentsRunJob.REPLICATES)), "the replicate results are dropped at the commit");

        Path uninterrupted = tmp.resolve("u");
        Console whole = Console.run(agents("--out", uninterrupted.toString()).toArray(String[]::new));
        assertEquals(ExitCodes.OK, whole.exitCode(), whole.stderr());
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String t : List.of(AgentsTables.METRICS, AgentsTables.TRAJECTORIES, AgentsTables.FRAMES)) {
                Tables.assertSameTable(spark, uninterrupted, run, t);
            }
        } finally {
            spark.stop();
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(uninterrupted.resolve(AgentsRunJob.SUMMARY).toFile()),
                json.readTree(run.resolve(AgentsRunJob.SUMMARY).toFile()));
        assertEquals(List.of(), FileChecksums.verifyRun(run), "the committed run lists its files, all intact");
        assertFalse(Files.exists(tmp.resolve(".r.lock")), "the finished run leaves no lock file");

        Console again = Console.run(agents("--resume", run.toString()).toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode());
        assertTrue(again.errorLine().contains("already finished"), again.stderr());
    }
}
