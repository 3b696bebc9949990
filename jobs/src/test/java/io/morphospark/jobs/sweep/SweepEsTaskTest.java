package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.es.EsJob;
import io.morphospark.jobs.es.EsSettings;
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
 * A small ES trial runs whole inside a Spark task, on an in-process one-thread evaluator, and gives
 * exactly what the same configuration gives as a Spark job (a stage per generation): the same
 * tables, row for row, and the same summary.
 */
class SweepEsTaskTest {
    static final String SPEC = """
            job: es
            name: es-task
            base:
              generations: 3
              problem: {replicates: 4, steps: 60}
              optimizer: {population: 6}
              evaluation: {replicate_block: 2, validation_replicates: 4, partitions: 3}
              output: {trajectory_replicates: 2, trajectory_stride: 5}
            parameters:
              optimizer.algorithm: {grid: [cma-es, mu-plus-lambda]}
            repeats: {field: seed, seeds: [5]}
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
    void aSmallTrialIsTaskSizedAndBitIdenticalToTheSameRunAsASparkJob() throws Exception {
        Path specFile = tmp.resolve("es.yaml");
        Files.writeString(specFile, SPEC);
        SweepRunner sweep = SweepRunner.plan(TrialSweepSpec.read(specFile), tmp.resolve("root"), false);
        assertEquals(2, sweep.trials().size());
        assertTrue(sweep.trials().stream().allMatch(SweepRunner.PlannedTrial::task), "small ES trials fit a task");
        SweepRunner.Result result = sweep.run(spark, 1, System.out);
        assertEquals(2, result.done(), String.valueOf(result.failed()));

        ObjectMapper json = new ObjectMapper();
        for (SweepRunner.PlannedTrial t : sweep.trials()) {
            EsSettings settings = (EsSettings) SweepableJobs.named("es").resolve(json.readTree(t.config()));
            Path asJob = tmp.resolve("as-job-" + t.id());
            new EsJob(spark, settings, System.out).run(asJob);
            assertEquals(json.readTree(t.dir().resolve("run.json").toFile()).get("config_hash"),
                    json.readTree(asJob.resolve("run.json").toFile()).get("config_hash"));
            for (String table : List.of(EsTables.GENERATIONS, EsTables.CANDIDATES, EsTables.PATTERNS,
                    EsTables.LEARNED_FUNCTION, EsTables.TRAJECTORIES)) {
                List<String> task = rows(t.dir().resolve(table));
                assertFalse(task.isEmpty(), table);
                assertEquals(rows(asJob.resolve(table)), task, table + " of trial " + t.id());
            }
            ObjectNode taskSummary = (ObjectNode) json.readTree(t.dir().resolve("summary.json").toFile());
            ObjectNode jobSummary = (ObjectNode) json.readTree(asJob.resolve("summary.json").toFile());
            for (String timing : new String[] {"wall_time_s", "phases"}) { // how long, not what
                taskSummary.remove(timing);
                jobSummary.remove(timing);
            }
            assertEquals(jobSummary, taskSummary);
        }
    }

    @Test
    void largeOrNeuralTrialsStaySparkJobs() {
        SweepableJob<EsSettings> es = es();
        EsSettings seed = es.defaults(); // the seed's run: 1.4·10⁹ cell-steps, a task of about half a minute
        assertTrue(es.fitsOneTask(seed));
        EsSettings long_ = es.defaults();
        long_.generations = 10_000;
        assertFalse(es.fitsOneTask(long_), "beyond a task's budget the fan-out spreads it");
        EsSettings nca = es.defaults();
        nca.problem.name = "growing-nca";
        nca.problem.nca.size = 8;
        nca.generations = 1;
        assertFalse(es.fitsOneTask(nca), "neural evaluations are fanned out");
    }

    @SuppressWarnings("unchecked")
    private static SweepableJob<EsSettings> es() {
        return (SweepableJob<EsSettings>) SweepableJobs.named("es");
    }

    /** Every row as text, in a fixed order (both runs are read back by the same Spark reader). */
    private static List<String> rows(Path table) {
        return spark.read().parquet(table.toString()).collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
