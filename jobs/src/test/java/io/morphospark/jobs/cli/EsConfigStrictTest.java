package io.morphospark.jobs.cli;

import io.morphospark.jobs.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input the ES job used to change silently (an empty or list config ran the whole preset,
 * generations: 2.7 ran 2, a duplicate key took the last value, --steps was dropped beside --time)
 * is refused: one line naming the field, exit code 2, nothing written. None of these start Spark.
 */
class EsConfigStrictTest {
    @TempDir
    Path tmp;

    private void assertRefused(String fragment, String config, String... flags) throws Exception {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("es", "--out", out.toString()));
        if (config != null) {
            Path file = tmp.resolve("config.yaml");
            Files.writeString(file, config);
            args.addAll(List.of("--config", file.toString()));
        }
        args.addAll(List.of(flags));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String message = run.stderr();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(fragment), "expected '" + fragment + "' in: " + message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void configsThatUsedToRunSomethingElse() throws Exception {
        assertRefused("is empty", "");
        assertRefused("the top level must be a mapping of field: value, got a list", "- generations: 3\n- seed: 2\n");
        assertRefused("generations: expected a whole number, got 2.7", "generations: 2.7\n");
        assertRefused("problem.replicates: expected a whole number, got 2.5", "problem: {replicates: 2.5}\n");
        assertRefused("Duplicate field 'generations'", "generations: 3\ngenerations: 5\n");
        assertRefused("Duplicate field 'steps'", "problem:\n  steps: 10\n  steps: 20\n");
        assertRefused("problem: give a value", "problem:\n");
    }

    @Test
    void conflictingFlags() throws Exception {
        assertRefused("--steps 100 and --time 2.0 both set the steps: give one", null, "--steps", "100", "--time", "2");
    }
}
