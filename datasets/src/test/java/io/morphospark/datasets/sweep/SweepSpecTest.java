package io.morphospark.datasets.sweep;

import io.morphospark.datasets.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepSpecTest {
    static final Map<String, Set<String>> CATALOGUE = Map.of(
            "gray-scott", Set.of("spotted", "striped"), "bernoulli", Set.of("random"));

    @TempDir
    Path tmp;

    private SweepSpec read(String yaml) throws Exception {
        Path f = tmp.resolve("spec.yaml");
        Files.writeString(f, yaml);
        return SweepSpec.read(f);
    }

    private void assertRejected(String fragment, String yaml) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(yaml).validate(CATALOGUE));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void readsAFullSpec() throws Exception {
        SweepSpec s = read("""
                seed: 7
                samples_per_label: 10
                grid: {min_side: 32, max_side: 48}
                frames_per_sample: 5
                labels:
                  spotted: {family: gray-scott, sampling: latin-hypercube, params: {feed: {uniform: [0.027, 0.031]}}}
                  random: {family: bernoulli, samples: 3, params: {density: {grid: [0.3, 0.5]}}}
                """);
        s.validate(CATALOGUE);
        assertEquals(13, s.totalSamples());
        assertEquals(0.031, s.labels.get("spotted").params.get("feed").hi());
    }

    @Test
    void namesTheFieldOfEachMistake() {
        assertRejected("labels.spotted.family: unknown family 'turing'", "labels: {spotted: {family: turing}}");
        assertRejected("labels.wavy: unknown label for family gray-scott", "labels: {wavy: {family: gray-scott}}");
        assertRejected("labels.spotted.params.feed.uniform: range [0.05, 0.01] is inverted",
                "labels: {spotted: {family: gray-scott, params: {feed: {uniform: [0.05, 0.01]}}}}");
        assertRejected("labels.spotted.params.feed.grid: the list of values is empty",
                "labels: {spotted: {family: gray-scott, params: {feed: {grid: []}}}}");
        assertRejected("labels.spotted.samples must be at least 1",
                "labels: {spotted: {family: gray-scott, samples: 0}}");
        assertRejected("samples_per_label must be at least 1",
                "samples_per_label: 0\nlabels: {spotted: {family: gray-scott}}");
        assertRejected("labels: the spec names no label", "seed: 3");
        assertRejected("unknown field 'sampels' at labels.spotted",
                "labels: {spotted: {family: gray-scott, sampels: 3}}");
        assertRejected("sampling must be uniform, latin-hypercube or grid",
                "labels: {spotted: {family: gray-scott, sampling: sobol}}");
        assertRejected("is not valid YAML", "labels:\n\tspotted: 1\n");
    }
}
