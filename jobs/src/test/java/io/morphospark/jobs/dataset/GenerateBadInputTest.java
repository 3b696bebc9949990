package io.morphospark.jobs.dataset;

import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad spec: one line naming the field, exit code 2, nothing written. None of these start Spark. */
class GenerateBadInputTest {
    @TempDir
    Path tmp;

    private void assertRejected(String fragment, String yaml) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("generate", "--spec", spec.toString(), "--out", out.toString());
        String message = run.stderr();
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(fragment), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void namesTheField() throws Exception {
        assertRejected("labels.spotted.family: unknown family 'turing'", "labels: {spotted: {family: turing}}");
        assertRejected("labels.wavy: unknown label for family gray-scott", "labels: {wavy: {family: gray-scott}}");
        assertRejected("labels.spotted.params.feed.uniform: range [0.04, 0.02] is inverted",
                "labels: {spotted: {family: gray-scott, params: {feed: {uniform: [0.04, 0.02]}}}}");
        assertRejected("labels.spotted.params.kill.grid: the list of values is empty",
                "labels: {spotted: {family: gray-scott, params: {kill: {grid: []}}}}");
        assertRejected("labels.spotted.params.diffusion: unknown parameter of gray-scott",
                "labels: {spotted: {family: gray-scott, params: {diffusion: {uniform: [1, 2]}}}}");
        assertRejected("samples_per_label must be at least 1", "samples_per_label: 0\nlabels: {random: {family: bernoulli}}");
        assertRejected("frame_stride 700 is larger than the steps of labels.spiral (from 300)",
                "frame_stride: 700\nlabels: {spiral: {family: cyclic-ca}}");
        assertRejected("is not valid YAML", "labels:\n\trandom: {family: bernoulli}\n");
        assertRejected("unknown field 'sample_per_label'", "sample_per_label: 3\nlabels: {random: {family: bernoulli}}");
    }
}
