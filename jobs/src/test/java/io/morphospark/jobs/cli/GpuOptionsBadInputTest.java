package io.morphospark.jobs.cli;

import io.morphospark.jobs.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPU options that cannot be served: one line, exit code 2, nothing written, Spark never started. */
class GpuOptionsBadInputTest {
    @TempDir
    Path tmp;

    private void assertBadInput(String expectedFragment, String... gpuArgs) {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("es", "--out", out.toString(), "--generations", "1"));
        args.addAll(List.of(gpuArgs));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String message = run.stderr();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("morphospark: error: "), message);
        assertTrue(message.contains(expectedFragment), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    private Path script(String name, String json, String permissions) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho '" + json + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void amountsThatAreNotPositiveNumbers() {
        assertBadInput("--gpus-per-executor '0': not a positive whole number", "--gpus-per-executor", "0");
        assertBadInput("--gpus-per-executor 'two': not a positive whole number", "--gpus-per-executor", "two");
        assertBadInput("--gpus-per-executor '1.5': not a positive whole number", "--gpus-per-executor", "1.5");
        assertBadInput("--gpus-per-task '-1': not a positive number", "--gpus-per-task", "-1");
        assertBadInput("--gpus-per-task 'NaN': not a positive number", "--gpus-per-task", "NaN");
        assertBadInput("--gpus-per-task '1.5': more than one GPU per task must be a whole number",
                "--gpus-per-task", "1.5");
    }

    @Test
    void discoveryScriptMissingOrNotExecutable() throws IOException {
        assertBadInput("no such file", "--gpus-per-executor", "1", "--gpu-discovery-script", tmp.resolve("absent.sh").toString());
        Path plain = script("plain.sh", "{\"name\":\"gpu\",\"addresses\":[\"0\"]}", "rw-r--r--");
        assertBadInput("not executable", "--gpus-per-executor", "1", "--gpu-discovery-script", plain.toString());
    }

    @Test
    void gpusRequestedWhereNoneIsVisible() throws IOException {
        assertBadInput("none is visible: give --gpu-discovery-script",
                "--master", "local-cluster[1,1,1024]", "--gpus-per-executor", "1");
        Path none = script("none.sh", "{\"name\":\"gpu\",\"addresses\":[]}", "rwxr-xr-x");
        assertBadInput("none is visible", "--master", "local-cluster[1,1,1024]", "--gpus-per-executor", "1",
                "--gpu-discovery-script", none.toString());
        Path one = script("one.sh", "{\"name\":\"gpu\",\"addresses\":[\"0\"]}", "rwxr-xr-x");
        assertBadInput("only 1 is visible", "--master", "local-cluster[1,1,1024]", "--gpus-per-executor", "2",
                "--gpu-discovery-script", one.toString());
        assertBadInput("need executor processes", "--master", "local[2]", "--gpus-per-executor", "1",
                "--gpu-discovery-script", one.toString());
    }

    @Test
    void inconsistentAmounts() throws IOException {
        Path two = script("two.sh", "{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}", "rwxr-xr-x");
        assertBadInput("--gpus-per-task 2 is more than --gpus-per-executor 1", "--master", "local-cluster[1,1,1024]",
                "--gpus-per-executor", "1", "--gpus-per-task", "2", "--gpu-discovery-script", two.toString());
        assertBadInput("--gpus-per-task needs --gpus-per-executor", "--gpus-per-task", "1");
    }
}
