package io.morphospark.jobs.sweep;

import io.morphospark.jobs.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench sweep} runs at tiny sizes (the lead times it; no timing is asserted here). */
class SweepBenchTest {
    @TempDir
    Path tmp;

    @Test
    void comparesTasksWithOneAfterAnotherForEachSpec() throws Exception {
        Path nca = tmp.resolve("bench-nca.yaml");
        Files.writeString(nca, """
                job: nca-train
                name: tiny-nca
                base: {disc_size: 10, epochs: 2, pool: 4, batch: 2, min_steps: 4, max_steps: 5, validate_every: 0, grow_steps: 2, trajectory_stride: 1}
                repeats: {field: seed, count: 2}
                """);
        Path es = tmp.resolve("bench-es.yaml");
        Files.writeString(es, """
                job: es
                name: tiny-es
                base: {generations: 2, problem: {replicates: 4, steps: 40}, optimizer: {population: 4},
                       evaluation: {validation_replicates: 4}, output: {trajectory_replicates: 1}}
                parameters:
                  optimizer.algorithm: {grid: [snes, cma-es]}
                """);
        SweepConsole r = SweepConsole.of("bench", "sweep", "--spec", es.toString(), "--spec", nca.toString(),
                "--work", tmp.resolve("work").toString(), "--master", "local[2]", "--jobs-baseline");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String name : new String[] {"tiny-es \\(2 trials of es\\)", "tiny-nca \\(2 trials of nca-train\\)"}) {
            assertTrue(r.out().matches("(?s).*bench sweep: " + name + ": one after another [0-9.]+ s; as Spark tasks [0-9.]+ s; "
                    + "ratio [0-9.]+; one after another as Spark jobs [0-9.]+ s, ratio [0-9.]+.*"), name + " in " + r.out());
        }

        Path discover = tmp.resolve("discover.yaml");
        Files.writeString(discover, "job: discover\nbase: {generations: 1}\n");
        SweepConsole jobs = SweepConsole.of("bench", "sweep", "--spec", es.toString(), "--spec", discover.toString(),
                "--work", tmp.resolve("jobs").toString());
        assertEquals(ExitCodes.BAD_INPUT, jobs.exitCode());
        assertTrue(jobs.err().contains("are Spark jobs"), jobs.err());
        assertFalse(Files.exists(tmp.resolve("jobs").resolve("0-tiny-es")), "nothing run before every spec is checked");
    }
}
