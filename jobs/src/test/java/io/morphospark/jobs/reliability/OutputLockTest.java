package io.morphospark.jobs.reliability;

import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.CliRun;
import io.morphospark.jobs.testing.MainJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 5: a second writer of a run or a dataset, while the first process is alive,
 * fails at once with exit 2 and one line naming the holder (before the fix both wrote).
 */
class OutputLockTest {
    @TempDir
    Path tmp;

    static void waitFor(Process p, Path log, BooleanSupplier ready, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!ready.getAsBoolean() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive() && ready.getAsBoolean(), what + " never happened: " + Files.readString(log));
    }

    static void assertNamesHolder(CliRun run, Process holder) {
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("morphospark: error: ") && run.stderr().contains("another process")
                && run.stderr().contains("pid " + holder.pid()), run.stderr());
    }

    @Test
    void resumingARunThatIsStillAliveIsRefused() throws Exception {
        Path run = tmp.resolve("alive");
        Path staging = tmp.resolve(".alive.inprogress");
        Path log = tmp.resolve("alive.log");
        Process driver = MainJvm.start(log, List.of("es", "--master", "local[1]", "--out", run.toString(),
                "--generations", "500", "--population", "6", "--replicates", "10", "--steps", "400"));
        try {
            waitFor(driver, log, () -> Checkpoint.exists(staging), "a first checkpoint");
            // what the old error message advised while the run was alive
            assertNamesHolder(CliRun.of("es", "--resume", run.toString()), driver);
            assertNamesHolder(CliRun.of("es", "--resume", staging.toString()), driver);
            assertNamesHolder(CliRun.of("es", "--out", run.toString(), "--generations", "2"), driver);
        } finally {
            driver.destroyForcibly().waitFor();
        }
    }

    @Test
    void twoGeneratesOfOneSpecCannotWriteOneDatasetAtOnce() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                seed: 5
                samples_per_label: 40
                samples_per_shard: 1
                grid: {min_side: 32, max_side: 32}
                frames_per_sample: 3
                labels:
                  clustered: {family: cellular-potts, params: {steps: {uniform: [2500, 3000]}}}
                """);
        Path out = tmp.resolve("dataset");
        Path log = tmp.resolve("first.log");
        Process first = MainJvm.start(log, List.of("generate", "--spec", spec.toString(), "--out", out.toString(),
                "--master", "local[1]"));
        try {
            waitFor(first, log, () -> Files.exists(out.resolve(DatasetDirectory.MANIFEST)), "the dataset's manifest");
            assertNamesHolder(CliRun.of("generate", "--spec", spec.toString(), "--out", out.toString(), "--master", "local[1]"),
                    first);
        } finally {
            first.destroyForcibly().waitFor();
        }
    }
}
