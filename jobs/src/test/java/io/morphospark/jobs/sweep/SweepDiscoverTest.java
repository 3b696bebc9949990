package io.morphospark.jobs.sweep;

import io.morphospark.datasets.catalog.RunCatalog;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery searches in a sweep: each trial a discover run (a Spark job), two at once in scheduler pools. */
class SweepDiscoverTest {
    static final String SPEC = """
            job: discover
            name: searches
            base: {generations: 2, population: 6, elites: 3, replicates: 1, agents: 20, steps: 6, bins: [4, 4],
                   film_top: 0, gaussian_batch: 2, crossover_batch: 2, cma_batch: 2}
            parameters:
              search: {grid: [ga, map-elites]}
            repeats: {field: seed, seeds: [3]}
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
    void searchesTimesSeedsInOneCommandAndARerunStartsNone() throws Exception {
        Path spec = tmp.resolve("discover.yaml");
        Files.writeString(spec, SPEC);
        Path root = tmp.resolve("root");
        String[] args = {"sweep", "--spec", spec.toString(), "--out", root.toString(), "--max-parallel", "2"};
        SweepConsole run = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 new; 0 as Spark tasks, 2 as Spark jobs"), run.out());

        List<Row> rows = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .selectExpr("job", "status", "config['search']", "config['seed']", "metrics['best_performance']")
                .collectAsList();
        assertEquals(2, rows.size());
        assertEquals(2, rows.stream().map(r -> r.getString(2) + "/" + r.getString(3)).distinct().count());
        for (Row r : rows) {
            assertEquals("discover", r.getString(0));
            assertEquals("finished", r.getString(1));
            assertFalse(r.isNullAt(4));
        }

        SweepConsole again = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("2 committed (skipped), 0 interrupted (resumed), 0 new"), again.out());
        assertFalse(again.out().contains("] discover: "), "no discover run started: " + again.out());
    }

    @Test
    void anUnknownParameterOfADiscoverSweepNamesTheField() throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, SPEC.replace("search: {grid", "searches: {grid"));
        Path root = tmp.resolve("bad-root");
        SweepConsole r = SweepConsole.of("sweep", "--spec", spec.toString(), "--out", root.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out());
        assertTrue(r.err().startsWith("morphospark: error: parameters.searches: 'searches' is not a parameter of job discover"),
                r.err());
        assertEquals(1, r.err().lines().count());
        assertFalse(Files.exists(root), "nothing written");
    }
}
