package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run directory's lock, its commit with checksums, and what a user may pass to resume. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    @AfterEach
    void releaseLocks() {
        DirectoryLock.releaseAll();
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path run = tmp.resolve("run");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), run.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            BadInputException resume = assertThrows(BadInputException.class, () -> RunDirectory.resume(run));
            assertTrue(resume.getMessage().contains("pid " + holder.pid()), resume.getMessage());
            assertTrue(resume.getMessage().contains("another process"), resume.getMessage());
            BadInputException create = assertThrows(BadInputException.class, () -> RunDirectory.requireAvailable(run));
            assertTrue(create.getMessage().contains("pid " + holder.pid()), create.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(); // SIGKILL: no clean-up runs in the holder
        }
        // the OS released the lock with the process: the interrupted run resumes at once
        Files.writeString(tmp.resolve(".run.inprogress/run.json"), "{\"config\":{}}");
        RunDirectory resumed = RunDirectory.resume(run);
        assertEquals(run, resumed.target());
    }

    @Test
    void lockIsReentrantInOneProcessAndReleasedByCommit() throws Exception {
        Path run = tmp.resolve("r");
        RunDirectory.requireAvailable(run);
        RunDirectory dir = RunDirectory.create(run); // the same process: the check's lock carries over
        assertEquals(1, DirectoryLock.held().size());
        Files.writeString(dir.resolve("run.json"), "{\"config\":{}}");
        dir.commit();
        assertTrue(DirectoryLock.held().isEmpty(), "commit releases the run's lock");
        assertFalse(Files.exists(tmp.resolve(".r.lock")), "the lock file goes with it");
    }

    @Test
    void theHiddenStagingDirectoryNamesItsRun() throws Exception {
        Path run = tmp.resolve("exp");
        Path staging = Files.createDirectories(tmp.resolve(".exp.inprogress"));
        Files.writeString(staging.resolve("run.json"), "{\"config\":{}}");
        assertEquals(run, RunDirectory.targetOf(staging));
        RunDirectory resumed = RunDirectory.resume(staging);
        assertEquals(run, resumed.target());
        assertEquals(staging, resumed.staging());
        assertEquals(staging, RunDirectory.manifestDirectory(staging));
    }

    @Test
    void committedRunListsItsFilesAndVerifyFindsEveryKindOfDamage() throws Exception {
        Path run = tmp.resolve("c");
        RunDirectory dir = RunDirectory.create(run);
        Files.writeString(dir.resolve("run.json"), "{\"config\":{}}");
        Files.createDirectories(dir.resolve("table"));
        Files.write(dir.resolve("table/part-0.parquet"), new byte[1000]);
        Files.writeString(dir.resolve("summary.json"), "{\"best\":1}");
        Files.writeString(dir.resolve("plot.png"), "png");
        dir.commit();
        assertEquals(List.of(), FileChecksums.verifyRun(run));

        Files.write(run.resolve("table/part-0.parquet"), new byte[500]); // truncated
        Files.writeString(run.resolve("summary.json"), "{\"best\":2}"); // same size, altered
        Files.delete(run.resolve("plot.png")); // missing
        List<String> problems = FileChecksums.verifyRun(run);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("part-0.parquet") && p.contains("500 bytes")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("summary.json") && p.contains("checksum")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("plot.png") && p.contains("missing")), problems.toString());
    }

    @Test
    void damagedRunJsonIsTheUsersToFixNamedInOneLine() throws Exception {
        Path staging = Files.createDirectories(tmp.resolve(".t.inprogress"));
        Files.writeString(staging.resolve("run.json"), "{\"job\": \"es\", \"conf");
        BadInputException e = assertThrows(BadInputException.class, () -> RunManifest.read(staging));
        assertTrue(e.getMessage().contains("run.json") && !e.getMessage().contains("\n"), e.getMessage());
        Files.writeString(staging.resolve("run.json"), "");
        assertThrows(BadInputException.class, () -> RunManifest.read(staging));
    }

    @Test
    void aDroppedScratchDirectoryIsNeitherKeptNorListedSoTheFinishedRunVerifies() throws Exception {
        Path run = tmp.resolve("trained");
        RunDirectory dir = RunDirectory.create(run);
        Files.writeString(dir.staging().resolve("summary.json"), "{}");
        Files.createDirectories(dir.staging().resolve("checkpoint"));
        Files.writeString(dir.staging().resolve("checkpoint/state.bin"), "the whole pool");
        dir.commitDropping("checkpoint");
        assertFalse(Files.exists(run.resolve("checkpoint")));
        assertTrue(Files.readString(run.resolve(FileChecksums.RUN_FILE)).contains("summary.json"));
        assertFalse(Files.readString(run.resolve(FileChecksums.RUN_FILE)).contains("checkpoint"));
        assertEquals(List.of(), FileChecksums.verifyRun(run));
    }
}
