package io.morphospark.datasets.config;

import io.morphospark.datasets.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a user wrote is silently changed or dropped: each of these was accepted and altered before. */
class StrictYamlTest {
    /** A configuration shaped like the ES and generate ones: whole numbers, fractions, a nested mapping. */
    public static final class Settings {
        public int generations = 100;
        public long seed = 1;
        public double noise = 0.1;
        public Nested nested = new Nested();
    }

    public static final class Nested {
        public int samplesPerShard = 50;
    }

    @TempDir
    Path tmp;

    private Settings update(String yaml) throws Exception {
        Path f = tmp.resolve("config.yaml");
        Files.writeString(f, yaml);
        return StrictYaml.update(StrictYaml.mapper(), f, "config", new Settings());
    }

    private void assertRefused(String fragment, String yaml) {
        BadInputException e = assertThrows(BadInputException.class, () -> update(yaml));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void readsWhatItShould() throws Exception {
        Settings s = update("generations: 7\nnoise: 2\nnested: {samples_per_shard: 3}\n");
        assertEquals(7, s.generations);
        assertEquals(2.0, s.noise, "a whole number is a fine fraction");
        assertEquals(3, s.nested.samplesPerShard);
        assertEquals(1, s.seed, "fields not named keep their value");
        assertEquals(0.001, update("noise: 1e-3\n").noise, "YAML 1.1 reads 1e-3 as text; it still means a number");
    }

    @Test
    void refusesEveryInputThatWouldBeSilentlyChanged() {
        assertRefused("is empty", "");
        assertRefused("is empty", "# only a comment\n");
        assertRefused("the top level must be a mapping of field: value, got a list", "- generations: 3\n");
        assertRefused("the top level must be a mapping of field: value, got the value 'generations'", "generations\n");
        assertRefused("is an empty mapping", "{}\n");
        assertRefused("generations: expected a whole number, got 2.7", "generations: 2.7\n");
        assertRefused("nested.samples_per_shard: expected a whole number, got 2.5", "nested: {samples_per_shard: 2.5}\n");
        assertRefused("Duplicate field 'generations'", "generations: 3\nnoise: 0.2\ngenerations: 5\n");
        assertRefused("Duplicate field 'samples_per_shard'", "nested:\n  samples_per_shard: 3\n  samples_per_shard: 4\n");
        assertRefused("unknown field 'generation'", "generation: 3\n");
        assertRefused("generations: give a value", "generations:\n");
        assertRefused("nested: give a value", "nested:\n");
        assertRefused("noise: expected a number", "noise: [1, 2]\n");
        assertRefused("config", "generations: 3\n---\ngenerations: 4\n");
    }

    @Test
    void aMissingFileIsNamed() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> StrictYaml.update(StrictYaml.mapper(), tmp.resolve("nope.yaml"), "config", new Settings()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
