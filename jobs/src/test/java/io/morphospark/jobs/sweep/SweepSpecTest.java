package io.morphospark.jobs.sweep;

import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep specs: the trials a spec expands to (dry run), and every bad input refused in one line, nothing written. */
class SweepSpecTest {
    static final String BASE = "job: nca-train\nbase: {disc_size: 12, epochs: 2}\n";
    @TempDir
    Path tmp;

    private SweepConsole dryRun(String yaml, String... more) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--spec", spec.toString(), "--out",
                tmp.resolve("root").toString()));
        args.addAll(List.of(more));
        return SweepConsole.of(args.toArray(String[]::new));
    }

    @Test
    void aDryRunPrintsEveryTrialOfGridTimesDrawsTimesRepeats() throws Exception {
        String yaml = BASE + """
                parameters:
                  gradient: {grid: [clip, normalise]}
                  learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}
                  pool: {uniform: [4, 16], integer: true}
                samples: 4
                sampling: latin-hypercube
                seed: 11
                repeats: {field: seed, count: 2}
                """;
        SweepConsole first = dryRun(yaml, "--dry-run");
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        List<String> trials = first.out().lines().filter(l -> l.contains(" new ")).toList();
        assertEquals(2 * 4 * 2, trials.size(), first.out());
        assertEquals(first.out(), dryRun(yaml, "--dry-run").out(), "a spec always expands to the same trials");
        assertFalse(Files.exists(tmp.resolve("root")), "a dry run writes nothing");

        // Latin hypercube: the 4 draws of learning_rate fall one in each quarter of its log range
        List<SweepRunner.PlannedTrial> planned = SweepRunner.plan(TrialSweepSpec.read(tmp.resolve("spec.yaml")),
                tmp.resolve("root"), false).trials();
        boolean[] quarter = new boolean[4];
        for (SweepRunner.PlannedTrial t : planned.subList(0, 8)) {
            double lr = t.trial().values().get("learning_rate").asDouble();
            assertTrue(lr >= 1e-4 && lr <= 1e-2, "in range: " + lr);
            quarter[(int) Math.min(3, Math.floor((Math.log10(lr) + 4) / 2 * 4))] = true;
            assertEquals(t.trial().values().get("pool").asDouble(), Math.rint(t.trial().values().get("pool").asDouble()));
        }
        assertTrue(quarter[0] && quarter[1] && quarter[2] && quarter[3]);
        assertEquals(2 * 4 * 2, planned.stream().map(SweepRunner.PlannedTrial::id).distinct().count());
    }

    @Test
    void badInputIsOneLineNamingTheFieldAndWritesNothing() throws Exception {
        String[][] cases = {
                {"job: nope\n", "job: unknown job 'nope'"},
                {BASE + "parameters: {nonsense: {grid: [1, 2]}}\n", "parameters.nonsense: 'nonsense' is not a parameter of job nca-train"},
                {BASE + "parameters: {epochs: {grid: []}}\n", "parameters.epochs.grid: the grid is empty"},
                {BASE + "parameters: {learning_rate: {uniform: [0.1, 0.01]}}\n", "parameters.learning_rate.uniform: lo 0.1 > hi 0.01"},
                {BASE + "parameters: {learning_rate: {log_uniform: [0, 0.01]}}\n", "parameters.learning_rate.log_uniform: lo must be positive"},
                {BASE + "parameters: {epochs: {grid: [0, 2]}}\n", "trial 0 (epochs=0): epochs must be at least 1"},
                {BASE + "parameters: {pool: {uniform: [4, 16]}}\n", "pool: expected a whole number"},
                {"job: nca-train\nbase: {no_such_field: 1}\n", "base: unknown field 'no_such_field'"},
                {BASE + "repeats: {field: sed, count: 2}\n", "repeats.field: 'sed' is not a parameter"},
                {BASE + "samples: 3\n", "samples: 3 draws need a uniform or log_uniform parameter"},
                {BASE + "parameters: {seed: {grid: [1, 1]}}\n", "parameters: trials 0 and 1 resolve to the same configuration"},
                {BASE + "sampling: sobol\n", "sampling: must be uniform or latin-hypercube"},
        };
        for (String[] c : cases) {
            for (String mode : new String[] {"--dry-run", "--master=local[1]"}) {
                SweepConsole r = dryRun(c[0], mode);
                assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), c[0] + " -> " + r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().startsWith("morphospark: error: ") && r.err().contains(c[1]), c[1] + " -> " + r.err());
                assertFalse(Files.exists(tmp.resolve("root")), "nothing written for " + c[1]);
            }
        }
        Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("root/notes.txt"), "mine");
        SweepConsole notARoot = dryRun(BASE, "--master=local[1]");
        assertEquals(ExitCodes.BAD_INPUT, notARoot.exitCode());
        assertTrue(notARoot.err().contains("out: ") && notARoot.err().contains("is not a sweep root"), notARoot.err());
        assertEquals(List.of(tmp.resolve("root/notes.txt")), Files.list(tmp.resolve("root")).toList());

        Path noOut = tmp.resolve("no-out.yaml");
        Files.writeString(noOut, BASE);
        SweepConsole missing = SweepConsole.of("sweep", "--spec", noOut.toString(), "--dry-run");
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("out: give the output root"), missing.err());
    }

    @Test
    void aCatalogDirectoryNotWrittenByRunsIndexIsNeverReplaced() throws Exception {
        Path root = tmp.resolve("mine");
        Files.createDirectories(root.resolve("catalog"));
        Files.writeString(root.resolve("catalog/data.csv"), "a,b\n");
        SweepConsole r = SweepConsole.of("runs", "index", root.toString(), "--master", "local[1]");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("was not written by 'morphospark runs index'"), r.err());
        assertEquals(List.of(root.resolve("catalog/data.csv")), Files.list(root.resolve("catalog")).toList());
    }
}
