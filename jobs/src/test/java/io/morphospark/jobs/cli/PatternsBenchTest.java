package io.morphospark.jobs.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench patterns} runs at tiny sizes and refuses bad input (the lead times it; no timing asserted). */
class PatternsBenchTest {
    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsReferenceAndNewKernelsSideBySideAndSampleRates() {
        Run r = run("bench", "patterns", "--seconds", "0.02", "--warmup", "0.02", "--sides", "12,17", "--samples", "1", "--labels", "random,spiral");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (String kernel : new String[] {"cellular-potts", "gray-scott"}) {
            for (String grid : new String[] {"12×12", "17×17"}) {
                assertTrue(r.out().matches("(?s).*\\n" + kernel + " +" + grid + " +[0-9.e+]+ +[0-9.e+]+ +[0-9.]+× .*"),
                        kernel + " " + grid + ":\n" + r.out());
            }
        }
        assertTrue(r.out().matches("(?s).*\\nrandom +[0-9.]+ samples/s +1\\.00 attempts/sample.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nspiral +[0-9.]+ samples/s +[0-9.]+ attempts/sample.*"), r.out());
    }

    @Test
    void refusesBadInputWithOneLine() {
        assertBad("--sides must be", "--sides", "9");
        assertBad("--labels: unknown label 'blobs'", "--labels", "random,blobs");
        assertBad("--seconds must be", "--seconds", "0");
        assertBad("--samples must be", "--samples", "-1");
        assertBad("--warmup must be", "--warmup", "-1");
    }

    private static void assertBad(String fragment, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "bench";
        args[1] = "patterns";
        System.arraycopy(options, 0, args, 2, options.length);
        Run r = run(args);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("morphospark: error: ") && r.err().contains(fragment), r.err());
        assertTrue(r.out().isEmpty(), "nothing measured before the check: " + r.out());
    }
}
