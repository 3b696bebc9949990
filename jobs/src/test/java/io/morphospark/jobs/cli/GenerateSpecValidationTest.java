package io.morphospark.jobs.cli;

import io.morphospark.jobs.testing.CliRun;
import io.morphospark.models.patterns.ParamSpec;
import io.morphospark.models.patterns.labels.LabelRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec a run would reject is rejected before anything is written, by --dry-run as well as by a
 * real run: one line naming the label and field, exit code 2, no output directory. The walk covers
 * every parameter of every label the catalogue knows, so a new family or parameter is covered
 * by declaring its ParamSpec. None of these start Spark.
 */
class GenerateSpecValidationTest {
    @TempDir
    Path tmp;
    private int specs;

    private void assertRefused(String fragment, String yaml) throws Exception {
        Path spec = tmp.resolve("spec-" + specs++ + ".yaml");
        Files.writeString(spec, yaml);
        for (boolean dryRun : new boolean[] {true, false}) {
            Path out = tmp.resolve("out");
            List<String> args = new ArrayList<>(List.of("generate", "--spec", spec.toString(), "--out", out.toString()));
            if (dryRun) {
                args.add("--dry-run");
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String message = run.stderr();
            String mode = (dryRun ? "--dry-run: " : "run: ") + yaml;
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), mode + "\n" + message);
            assertEquals(1, message.lines().count(), mode + "\n" + message);
            assertTrue(message.startsWith("morphospark: error: "), message);
            assertTrue(message.contains(fragment), mode + "\nexpected '" + fragment + "' in: " + message);
            assertFalse(Files.exists(out), "nothing written: " + mode);
        }
    }

    private static String label(LabelRegion r, String params) {
        return "grid: {min_side: 32, max_side: 32}\nframes_per_sample: 2\nlabels:\n  " + r.label().id() + ": {family: " + r.family()
                + ", samples: 2, params: {" + params + "}}\n";
    }

    /** Below the lowest and above the highest valid value, as a range endpoint and as a grid level. */
    @Test
    void everyParameterOfEveryFamilyOutsideItsValidValues() throws Exception {
        int walked = 0;
        for (LabelRegion r : LabelRegion.values()) {
            for (Map.Entry<String, ParamSpec> e : r.parameters().entrySet()) {
                ParamSpec valid = e.getValue();
                String name = e.getKey();
                double[] range = r.defaults().get(name);
                List<Double> invalid = new ArrayList<>();
                invalid.add(valid.integer() ? valid.lo() - 1 : valid.loOpen() ? valid.lo() : valid.lo() - 0.5);
                if (Double.isFinite(valid.hi())) {
                    invalid.add(valid.integer() ? valid.hi() + 1 : valid.hi() + 0.5);
                }
                if (valid.integer()) {
                    invalid.add(range[0] + 0.5); // a whole-number parameter takes whole numbers
                }
                String field = "labels." + r.label().id() + ".params." + name;
                for (double bad : invalid) {
                    String v = Double.toString(bad);
                    assertRefused(field + ".uniform: " + name + " must",
                            label(r, name + ": {uniform: [" + v + ", " + Math.max(bad, range[1]) + "]}"));
                    assertRefused(field + ".uniform: " + name + " must",
                            label(r, name + ": {uniform: [" + Math.min(bad, range[0]) + ", " + v + "]}"));
                    assertRefused(field + ".grid: " + name + " must", label(r, name + ": {grid: [" + range[0] + ", " + v + "]}"));
                    walked++;
                }
            }
        }
        assertTrue(walked >= 16, "walked " + walked + " invalid values");
    }

    @Test
    void theIssuesTwoExamples() throws Exception {
        assertRefused("labels.spiral.params.steps.uniform: steps must be a whole number in [0, 2147483646], got -5",
                "labels: {spiral: {family: cyclic-ca, params: {steps: {uniform: [-5, 10]}}}}");
        assertRefused("labels.spiral.params.states.grid: states must be a whole number in [3, 64], got 100",
                "labels: {spiral: {family: cyclic-ca, params: {states: {grid: [9, 100]}}}}");
    }

    @Test
    void sweepLevelSettingsARunWouldReject() throws Exception {
        String label = "labels: {spiral: {family: cyclic-ca, params: {steps: {uniform: [10, 20]}}}}\n";
        assertRefused("frames_per_sample 20 needs at least 19 steps, but labels.spiral.params.steps goes down to 10",
                "frames_per_sample: 20\n" + label);
        assertRefused("frames_per_sample 12 needs at least 11 steps", "frames_per_sample: 12\n" + label);
        assertRefused("frame_stride 30 is larger than the steps of labels.spiral (from 10)", "frame_stride: 30\n" + label);
        assertRefused("frames_per_sample 5 and frame_stride 2 are both given", "frames_per_sample: 5\nframe_stride: 2\n" + label);
        assertRefused("grid.max_side must be at most 23170", "grid: {min_side: 32, max_side: 100000}\n" + label);
        assertRefused("augment.max_noise must be in [0, 0.5]", "augment: {max_noise: 0.7}\n" + label);
        assertRefused("samples_per_shard: expected a whole number, got 2.5", "samples_per_shard: 2.5\n" + label);
        assertRefused("labels.spiral.samples: expected a whole number, got 3.5",
                "labels: {spiral: {family: cyclic-ca, samples: 3.5}}\n");
        assertRefused("Duplicate field 'seed'", "seed: 1\nseed: 2\n" + label);
        assertRefused("the top level must be a mapping", "- " + label);
        assertRefused("is empty", "\n");
        assertRefused("format_version 1 is not supported", "format_version: 1\n" + label);
    }

    @Test
    void everyOptionOfGenerateIsDescribedInHelp() {
        var cli = new picocli.CommandLine(new Main()).getSubcommands().get("generate");
        for (var option : cli.getCommandSpec().options()) {
            String text = String.join(" ", option.description()).trim();
            assertFalse(text.isEmpty(), option.longestName() + " has no description");
        }
        String help = cli.getUsageMessage();
        assertTrue(help.contains("--dry-run") && help.contains("(default: false)"), help);
    }

    /** The shipped specs pass the same checks (the module's tests run in jobs/). */
    @Test
    void theShippedSpecsAreValid() throws Exception {
        try (var specsDir = Files.list(Path.of("..", "specs"))) {
            for (Path spec : specsDir.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                CliRun run = CliRun.of("generate", "--spec", spec.toString(), "--dry-run");
                assertEquals(ExitCodes.OK, run.exitCode(), spec + ": " + run.stderr());
            }
        }
    }
}
