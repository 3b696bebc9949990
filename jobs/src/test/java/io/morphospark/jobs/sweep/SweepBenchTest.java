package io.morphospark.jobs.sweep;

import io.morphospark.jobs.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench sweep} runs at tiny sizes (the lead times it; no timing is asserted here). */
class SweepBenchTest {
    @TempDir
    Path tmp;

    @Test
    void comparesTasksWithOneAfterAnother() throws Exception {
        Path spec = tmp.resolve("bench.yaml");
        Files.writeString(spec, """
                job: nca-train
                base: {disc_size: 10, epochs: 2, pool: 4, batch: 2, min_steps: 4, max_steps: 5, validate_every: 0, grow_steps: 2, trajectory_stride: 1}
                repeats: {field: seed, count: 2}
                """);
        SweepConsole r = SweepConsole.of("bench", "sweep", "--spec", spec.toString(), "--work", tmp.resolve("work").toString(),
                "--master", "local[2]");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*bench sweep: one after another [0-9.]+ s; as Spark tasks [0-9.]+ s; ratio [0-9.]+.*"), r.out());

        SweepConsole es = SweepConsole.of("bench", "sweep", "--spec", Path.of(System.getProperty("user.dir"))
                .resolveSibling("specs/sweeps/es-algorithms.yaml").toString(), "--work", tmp.resolve("es").toString());
        assertEquals(ExitCodes.BAD_INPUT, es.exitCode());
        assertTrue(es.err().contains("Spark jobs"), es.err());
    }
}
