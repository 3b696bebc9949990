package io.morphospark.jobs.es;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.models.problem.benchmark.BenchmarkFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resume preamble every resumable job shares, and the registry of problem artifacts; no Spark. */
class RunResumptionTest {
    @TempDir
    Path tmp;

    /** An interrupted run as a killed job leaves it: a staging directory holding run.json. */
    private Path interruptedRun(String name, Map<String, Object> config) throws Exception {
        Path out = tmp.resolve(name);
        Path staging = Files.createDirectory(tmp.resolve("." + name + ".inprogress"));
        RunManifest.write(staging, "test", config);
        return out;
    }

    @Test
    void refusesNamingEveryDifferingField() {
        Path run = tmp.resolve("r");
        assertDoesNotThrow(() -> RunResumption.refuseDifferences(run, List.of(), " (never)"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunResumption.refuseDifferences(run, List.of("a: 1 → 2", "b.c: x → y"), " (only a may change)"));
        assertEquals("cannot resume " + run.toAbsolutePath() + ": its configuration differs from the one given in "
                + "a: 1 → 2; b.c: x → y (only a may change)", e.getMessage());
    }

    @Test
    void reopensRecordingExtendedSettingsAndLoadsTheCheckpoint() throws Exception {
        Path out = interruptedRun("extended", Map.of("generations", 5, "seed", 1));
        assertEquals(5, RunResumption.recordedConfig(out).path("generations").asInt());
        Map<String, Object> extended = Map.of("generations", 8, "seed", 1);
        RunDirectory dir = RunResumption.reopen(out, "test", extended);
        assertTrue(RunResumption.records(RunManifest.read(dir.staging()), extended), "run.json records the extension");
        assertEquals("fresh", RunResumption.checkpointOr(dir, String.class, () -> "fresh"));
        Checkpoint.write(dir.staging(), "after generation 3");
        assertEquals("after generation 3", RunResumption.checkpointOr(dir, String.class, () -> "fresh"));
        dir.commit();
    }

    @Test
    void problemsWithoutArtifactsGetNone() {
        assertSame(ProblemArtifacts.NONE, ProblemArtifacts.of(BenchmarkFunction.named("sphere", 3)));
    }
}
