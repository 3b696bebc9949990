package io.morphospark.jobs.reliability;

import io.morphospark.jobs.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A command run in-process with what it printed on stdout and on stderr. */
record Console(int exitCode, String stdout, String stderr) {
    static synchronized Console run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Console(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The one line a user failure prints. */
    String errorLine() {
        if (stderr.lines().count() != 1 || !stderr.startsWith("morphospark: error: ")) {
            throw new AssertionError("expected one error line, got: " + stderr);
        }
        return stderr;
    }
}
