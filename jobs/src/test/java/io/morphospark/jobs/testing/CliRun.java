package io.morphospark.jobs.testing;

import io.morphospark.jobs.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and keeps what it printed on stderr. */
public record CliRun(int exitCode, String stderr) {
    public static synchronized CliRun of(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new CliRun(code, err.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setErr(original);
        }
    }
}
