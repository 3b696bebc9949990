package io.morphospark.jobs.sweep;

import io.morphospark.jobs.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and keeps what it printed (stdout and stderr), for the sweep tests. */
record SweepConsole(int exitCode, String out, String err) {
    static synchronized SweepConsole of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new SweepConsole(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            stdout.print(out.toString(StandardCharsets.UTF_8)); // still visible in the test report
        }
    }
}
