package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.jobs.testing.CliRun;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated dataset says what it holds: its manifest's spec is a spec generate accepts as it is
 * (same plan, same hash, and it continues the same dataset), its frames are evenly spaced, and a
 * dataset of the old format (unevenly spaced frames) is never extended.
 */
class GenerateManifestSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 4 frames over 59 steps: round(k·59/3) = 0, 20, 39, 59 (the old scheme recorded 0, 19, 57, 59). */
    private static final String SPEC = """
            seed: 5
            samples_per_label: 2
            grid: {min_side: 32, max_side: 32}
            frames_per_sample: 4
            labels:
              random: {family: bernoulli}
              life: {family: life, params: {steps: {grid: [59, 31]}}}
            """;

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path dataset;
    static Path specFile;

    @BeforeAll
    static void generate() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        specFile = tmp.resolve("spec.yaml");
        Files.writeString(specFile, SPEC);
        dataset = tmp.resolve("dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", specFile.toString(), "--out", dataset.toString()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static String dryRun(Path spec) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--dry-run"));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theManifestsSpecFeedsBackToGenerateAsItIs() throws Exception {
        JsonNode manifest = JSON.readTree(dataset.resolve(DatasetDirectory.MANIFEST).toFile());
        Path fromManifest = tmp.resolve("from-manifest.json");
        Files.writeString(fromManifest, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest.get("spec")));
        String original = dryRun(specFile);
        String again = dryRun(fromManifest);
        assertEquals(original, again, "same plan, same spec hash");
        assertTrue(again.contains("spec hash: " + manifest.get("spec_hash").asText()), again);
        // and it continues (here: finds complete) the same dataset rather than being refused as another spec
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", fromManifest.toString(), "--out", dataset.toString()));
    }

    @Test
    void framesAreEvenlySpaced() {
        Map<Long, List<Integer>> steps = new TreeMap<>();
        for (Row r : spark.read().parquet(dataset.resolve(DatasetTables.FRAMES).toString()).select("id", "step")
                .orderBy("id", "step").collectAsList()) {
            steps.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getInt(1));
        }
        Map<Integer, List<Integer>> bySteps = new TreeMap<>();
        for (List<Integer> s : steps.values()) {
            bySteps.put(s.get(s.size() - 1), s);
        }
        assertEquals(List.of(0), bySteps.get(0), "a static field has one frame");
        assertEquals(List.of(0, 20, 39, 59), bySteps.get(59));
        assertEquals(List.of(0, 10, 21, 31), bySteps.get(31));
    }

    @Test
    void aDatasetOfTheOldFormatIsNotExtended() throws Exception {
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        // what format 1 wrote: the spec as given beside the resolved ranges, no format version
        Files.writeString(old.resolve(DatasetDirectory.MANIFEST), """
                {"schema_version": 1, "spec_hash": "0123456789abcdef", "complete": false,
                 "spec": {"spec": {"seed": 5}, "resolved_ranges": {}}}
                """);
        for (boolean dryRun : new boolean[] {true, false}) {
            CliRun run = dryRun ? CliRun.of("generate", "--spec", specFile.toString(), "--out", old.toString(), "--dry-run")
                    : CliRun.of("generate", "--spec", specFile.toString(), "--out", old.toString());
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
            assertEquals(1, run.stderr().lines().count(), run.stderr());
            assertTrue(run.stderr().contains("was written in spec format 1 and this version writes format 2"), run.stderr());
        }
        try (var files = Files.list(old)) {
            assertEquals(1, files.count(), "nothing added");
        }
        assertFalse(Files.exists(old.resolve(DatasetTables.FRAMES)));
    }
}
