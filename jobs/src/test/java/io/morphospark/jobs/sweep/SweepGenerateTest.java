package io.morphospark.jobs.sweep;

import io.morphospark.datasets.catalog.RunCatalog;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.jobs.cli.ExitCodes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep over dataset specs: each trial is a dataset directory that generate writes (a Spark job),
 * its state read from the dataset layout (manifest, shard markers, checksums); the catalogue lists
 * the datasets with their key figures, inside a sweep or not.
 */
class SweepGenerateTest {
    static final String SPEC = """
            job: generate
            name: datasets
            base:
              samples_per_label: 2
              samples_per_shard: 1
              grid: {min_side: 32, max_side: 32}
              frames_per_sample: 1
              labels:
                random: {family: bernoulli}
            parameters:
              labels.random.params.density.uniform: {grid: [[0.3, 0.4], [0.6, 0.7]]}
            repeats: {field: seed, seeds: [1, 2]}
            """;
    @TempDir
    static Path tmp;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void datasetsOfASweepAreTrialsAndTheCatalogueListsThem() throws Exception {
        Path spec = tmp.resolve("generate.yaml");
        Files.writeString(spec, SPEC);
        Path root = tmp.resolve("root");
        String[] args = {"sweep", "--spec", spec.toString(), "--out", root.toString(), "--max-parallel", "2"};
        SweepConsole run = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("4 new; 0 as Spark tasks, 4 as Spark jobs"), run.out());

        List<Row> rows = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .selectExpr("job", "status", "trial_id", "run", "config['labels.random.params.density.uniform']",
                        "config['seed']", "metrics['samples']", "metrics['shards']", "metrics['labels']", "metrics['bytes']",
                        "metrics['samples.random']")
                .collectAsList();
        assertEquals(4, rows.size());
        assertEquals(4, rows.stream().map(r -> r.getString(4) + "/" + r.getString(5)).distinct().count());
        for (Row r : rows) {
            assertEquals("generate", r.getString(0));
            assertEquals("finished", r.getString(1));
            assertTrue(r.getString(3).endsWith(r.getString(2)), "the trial directory is named by its id: " + r);
            assertEquals(2.0, r.getDouble(6));
            assertEquals(2.0, r.getDouble(7));
            assertEquals(1.0, r.getDouble(8));
            assertTrue(r.getDouble(9) > 0);
            assertEquals(2.0, r.getDouble(10));
        }

        SweepConsole again = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("4 committed (skipped), 0 interrupted (resumed), 0 new"), again.out());
        assertFalse(again.out().contains("] generate: "), "no dataset generated again: " + again.out());

        // a shard file lost: that trial is interrupted (its checksums fail) and the re-run repairs only it
        Path dataset;
        try (Stream<Path> s = Files.list(root.resolve(RunCatalog.TRIALS))) {
            dataset = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().findFirst().orElseThrow();
        }
        Path shardFile;
        try (Stream<Path> s = Files.walk(dataset.resolve(DatasetTables.FRAMES))) {
            shardFile = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.delete(shardFile);
        SweepConsole repair = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, repair.exitCode(), repair.err());
        assertTrue(repair.out().contains("3 committed (skipped), 1 interrupted (resumed), 0 new"), repair.out());
        assertTrue(DatasetDirectory.open(dataset).verify().isEmpty());
    }

    @Test
    void aDatasetMadeOutsideASweepIsCatalogued() throws Exception {
        Path spec = tmp.resolve("one.yaml");
        Files.writeString(spec, """
                samples_per_label: 1
                grid: {min_side: 32, max_side: 32}
                frames_per_sample: 1
                labels:
                  random: {family: bernoulli}
                """);
        Path root = tmp.resolve("outside");
        assertEquals(ExitCodes.OK, SweepConsole.of("generate", "--spec", spec.toString(), "--out",
                root.resolve("data/one").toString()).exitCode());
        SweepConsole index = SweepConsole.of("runs", "index", root.toString());
        assertEquals(ExitCodes.OK, index.exitCode(), index.err());
        Row r = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .selectExpr("job", "run", "sweep", "status", "metrics['samples']").collectAsList().get(0);
        assertEquals("generate", r.getString(0));
        assertEquals("data/one", r.getString(1));
        assertTrue(r.isNullAt(2));
        assertEquals("finished", r.getString(3));
        assertEquals(1.0, r.getDouble(4));
    }

    @Test
    void aDatasetTrialsStateComesFromItsLayout() throws Exception {
        Path dir = tmp.resolve("states/trial");
        assertEquals(SweepRunner.State.NEW, SweepableJobs.datasetState(dir, "abc"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DatasetDirectory.LOCK_FILE), "");
        assertEquals(SweepRunner.State.NEW, SweepableJobs.datasetState(dir, "abc"), "a generate killed before its manifest");
        Files.writeString(dir.resolve(DatasetDirectory.MANIFEST),
                "{\"schema_version\": 1, \"spec_hash\": \"abc\", \"spec\": {}, \"complete\": false}");
        assertEquals(SweepRunner.State.INTERRUPTED, SweepableJobs.datasetState(dir, "abc"));
        var other = org.junit.jupiter.api.Assertions.assertThrows(io.morphospark.datasets.BadInputException.class,
                () -> SweepableJobs.datasetState(dir, "def"));
        assertTrue(other.getMessage().contains("holds a dataset of another spec"), other.getMessage());
        Path foreign = tmp.resolve("states/foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        var notOurs = org.junit.jupiter.api.Assertions.assertThrows(io.morphospark.datasets.BadInputException.class,
                () -> SweepableJobs.datasetState(foreign, "abc"));
        assertTrue(notOurs.getMessage().contains("no dataset manifest"), notOurs.getMessage());
    }

    @Test
    void anUnknownParameterOfAGenerateSweepNamesTheField() throws Exception {
        for (String[] c : new String[][] {
                {"labels.random.params.nosuch.uniform", "parameters.labels.random.params.nosuch.uniform"},
                {"labels.spotted.samples", "parameters.labels.spotted.samples"},
                {"grid.side", "parameters.grid.side"}}) {
            Path spec = tmp.resolve("bad.yaml");
            Files.writeString(spec, SPEC.replace("labels.random.params.density.uniform", c[0])
                    .replace("{grid: [[0.3, 0.4], [0.6, 0.7]]}", "{grid: [1, 2]}"));
            Path root = tmp.resolve("bad-root");
            SweepConsole r = SweepConsole.of("sweep", "--spec", spec.toString(), "--out", root.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out());
            assertTrue(r.err().startsWith("morphospark: error: " + c[1] + ": '" + c[0] + "' is not a parameter of job generate"),
                    r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(root), "nothing written");
        }
    }
}
