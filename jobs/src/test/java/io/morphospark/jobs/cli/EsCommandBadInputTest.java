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

/** Bad input: one line naming the problem, exit code 2, nothing written. None of these start Spark. */
class EsCommandBadInputTest {
    @TempDir
    Path tmp;

    private void assertBadInput(String expectedFragment, String... extra) {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("es", "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String message = run.stderr();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("morphospark: error: "), message);
        assertTrue(message.contains(expectedFragment), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void unknownPreset() {
        assertBadInput("unknown preset 'turing'", "--preset", "turing");
    }

    @Test
    void nonPositiveDt() {
        assertBadInput("dt must be positive", "--dt", "0");
        assertBadInput("rollouts must be at least 1", "--problem", "growing-nca", "--rollouts", "0");
        assertBadInput("dt must be positive", "--dt", "-0.01");
    }

    @Test
    void fewerThanTwoCells() {
        assertBadInput("cells must be at least 2", "--cells", "1");
    }

    @Test
    void zeroReplicates() {
        assertBadInput("replicates must be at least 1", "--replicates", "0");
    }

    @Test
    void nanValues() {
        assertBadInput("noise must be a finite number", "--noise", "NaN");
        assertBadInput("mutation", "--mutation", "NaN");
    }

    @Test
    void unknownAlgorithmOrProblem() {
        assertBadInput("unknown algorithm 'nelder-mead'", "--algorithm", "nelder-mead");
        assertBadInput("unknown problem 'ackley'", "--problem", "ackley");
    }

    @Test
    void nonPositiveOrNanSigma() {
        assertBadInput("sigma must be a positive number", "--algorithm", "cma-es", "--problem", "sphere", "--sigma", "0");
        assertBadInput("sigma must be a positive number", "--algorithm", "snes", "--problem", "sphere", "--sigma", "-1");
        assertBadInput("sigma must be a positive number", "--algorithm", "ga", "--sigma", "NaN");
        assertBadInput("learning-rate must be a positive number", "--algorithm", "openai-es", "--learning-rate", "0");
    }

    @Test
    void populationTooSmallForTheAlgorithm() {
        assertBadInput("population must be even", "--algorithm", "openai-es", "--problem", "sphere", "--population", "7");
        assertBadInput("population must be even", "--algorithm", "pgpe", "--problem", "sphere", "--population", "5");
        assertBadInput("population must be at least 2 for cma-es", "--algorithm", "cma-es", "--problem", "sphere",
                "--population", "1");
        assertBadInput("population must be at least 2 for openai-es", "--algorithm", "openai-es", "--population", "0");
        assertBadInput("parents must be between 1 and population", "--algorithm", "mu-comma-lambda", "--population", "4",
                "--parents", "4");
    }

    @Test
    void dimensionBelowOne() {
        assertBadInput("dim must be at least 1", "--problem", "sphere", "--dim", "0");
        assertBadInput("rosenbrock needs dim at least 2", "--problem", "rosenbrock", "--dim", "1");
    }

    @Test
    void notANumber() {
        assertBadInput("'--dt'", "--dt", "fast");
    }

    @Test
    void malformedYaml() throws Exception {
        Path yaml = tmp.resolve("bad.yaml");
        Files.writeString(yaml, "problem:\n\tcells: 7\n");
        assertBadInput("is not valid YAML", "--config", yaml.toString());
    }

    @Test
    void unknownYamlField() throws Exception {
        Path yaml = tmp.resolve("typo.yaml");
        Files.writeString(yaml, "problem:\n  cels: 7\n");
        assertBadInput("unknown field 'cels'", "--config", yaml.toString());
    }

    @Test
    void yamlValueOfWrongType() throws Exception {
        Path yaml = tmp.resolve("type.yaml");
        Files.writeString(yaml, "optimizer:\n  population: many\n");
        assertBadInput("optimizer.population", "--config", yaml.toString());
    }

    @Test
    void yamlNanIsRejected() throws Exception {
        Path yaml = tmp.resolve("nan.yaml");
        Files.writeString(yaml, "problem:\n  dt: .nan\n");
        assertBadInput("problem.dt", "--config", yaml.toString());
    }

    @Test
    void outputDirectoryHoldingARunIsRefusedAndKept() throws Exception {
        Path out = tmp.resolve("existing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("run.json"), "{\"job\":\"es\"}");
        CliRun run = CliRun.of("es", "--out", out.toString(), "--generations", "1");
        String message = run.stderr();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(message.contains("already holds a run"), message);
        assertEquals("{\"job\":\"es\"}", Files.readString(out.resolve("run.json")));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        int code = Main.execute("es", "--out", tmp.resolve("x").toString(), "--colour", "red");
        assertEquals(ExitCodes.USAGE, code);
    }
}
