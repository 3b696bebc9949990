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

/**
 * ES algorithms × seeds on the lateral-inhibition problem (reduced sizes): the trials are small
 * enough to run as parallel Spark tasks; one command runs them all and a re-run starts none.
 */
class SweepEsAlgorithmsTest {
    static final String SPEC = """
            job: es
            name: es-algorithms
            base:
              generations: 2
              problem: {replicates: 4, steps: 100}
              optimizer: {population: 6}
              evaluation: {replicate_block: 2, validation_replicates: 4, partitions: 2}
              output: {trajectory_replicates: 1}
            parameters:
              optimizer.algorithm: {grid: [mu-plus-lambda, cma-es]}
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
    void algorithmsTimesSeedsInOneCommandAndARerunStartsNone() throws Exception {
        Path spec = tmp.resolve("es.yaml");
        Files.writeString(spec, SPEC);
        Path root = tmp.resolve("root");
        String[] args = {"sweep", "--spec", spec.toString(), "--out", root.toString(), "--max-parallel", "2"};
        SweepConsole run = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("4 new; 4 as Spark tasks, 0 as Spark jobs"), run.out());
        assertEquals(4, run.out().lines().filter(l -> l.startsWith("sweep es-algorithms: trial") && l.contains(": done in ")).count(), run.out());

        List<Row> rows = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .selectExpr("config['optimizer.algorithm']", "config['seed']", "metrics['final_best_fitness']", "status")
                .collectAsList();
        assertEquals(4, rows.size());
        assertEquals(4, rows.stream().map(r -> r.getString(0) + "/" + r.getString(1)).distinct().count());
        for (Row r : rows) {
            assertEquals("finished", r.getString(3));
            assertFalse(r.isNullAt(2));
        }

        SweepConsole again = SweepConsole.of(args);
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("4 committed (skipped), 0 interrupted (resumed), 0 new"), again.out());
        assertFalse(again.out().contains("] es: "), "no ES run started: " + again.out());
    }
}
