package io.morphospark.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to agents run: one line naming the field, exit code 2, nothing written, no Spark started. */
class AgentsCommandBadInputTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private void assertBadInput(String expectedFragment, String... args) {
        err.reset();
        Path out = tmp.resolve("run");
        List<String> all = new ArrayList<>(List.of("agents", "run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        int code = Main.execute(all.toArray(String[]::new));
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertEquals(ExitCodes.BAD_INPUT, code, message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("morphospark: error: "), message);
        assertTrue(message.contains(expectedFragment), message);
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(SparkSession.getActiveSession().isEmpty(), "no Spark started");
    }

    @Test
    void refusesBadRulesParametersAndWorlds() {
        assertBadInput("unknown movement rule 'levy'", "--movement", "levy");
        assertBadInput("unknown decision rule 'greedy'", "--decision", "greedy");
        assertBadInput("unknown communication rule 'radio'", "--communication", "radio");
        assertBadInput("unknown scenario 'growth'", "--scenario", "growth");
        assertBadInput("parameter persistence = 1.5 is outside its range [0.0, 1.0]", "--param", "persistence=1.5");
        assertBadInput("parameter speed", "--param", "speed=-0.1");
        assertBadInput("unknown parameter 'noise'", "--param", "noise=0.1");
        assertBadInput("--param", "--param", "persistence=high");
        assertBadInput("agents must be at least 2", "--agents", "1");
        assertBadInput("radius must be positive", "--radius", "0");
        assertBadInput("radius must be positive", "--radius", "-2");
        assertBadInput("side 2.0 is too small", "--side", "2");
        assertBadInput("too small for 400 agents", "--side", "4");
        assertBadInput("type fractions must sum to 1", "--type-fractions", "0.5,0.6");
        assertBadInput("steps must be at least 1", "--steps", "0");
        assertBadInput("stride must be at least 1", "--stride", "0");
        assertBadInput("replicates must be at least 1", "--replicates", "0");
    }
}
