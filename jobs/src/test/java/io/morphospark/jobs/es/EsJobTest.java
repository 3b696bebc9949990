package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EsJobTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path run;
    static ObjectNode summary;

    static EsSettings small(long seed) {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.seed = seed;
        s.generations = 4;
        s.optimizer.population = 6;
        s.problem.replicates = 10;
        s.problem.steps = 300;
        s.evaluation.replicateBlock = 4;
        s.evaluation.validationReplicates = 20;
        s.output.trajectoryReplicates = 3;
        s.output.trajectoryStride = 50;
        return s;
    }

    @BeforeAll
    static void runSmallJob() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        run = tmp.resolve("run");
        summary = new EsJob(spark, small(3), new PrintStream(PrintStream.nullOutputStream())).run(run);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void writesEveryTableWithExpectedRows() {
        assertEquals(4, Tables.read(spark, run, EsTables.GENERATIONS).count());
        assertEquals(4 * 6, Tables.read(spark, run, EsTables.CANDIDATES).count());
        assertEquals(4 * 10, Tables.read(spark, run, EsTables.PATTERNS).count());
        assertEquals(4, Tables.read(spark, run, EsTables.TIMINGS).count());
        assertEquals(101, Tables.read(spark, run, EsTables.LEARNED_FUNCTION).count());
        // 3 replicates × (step 0 and every 50th of 300 steps)
        assertEquals(3 * 7, Tables.read(spark, run, EsTables.TRAJECTORIES).count());
        Row first = Tables.read(spark, run, EsTables.TRAJECTORIES).where("step = 0").first();
        assertEquals(7, first.getList(first.fieldIndex("states")).size());
    }

    @Test
    void generationRowsAgreeWithCandidateRows() {
        List<Row> gens = Tables.read(spark, run, EsTables.GENERATIONS).orderBy("generation").collectAsList();
        for (Row g : gens) {
            int gen = g.getInt(g.fieldIndex("generation"));
            Row best = Tables.read(spark, run, EsTables.CANDIDATES).where("generation = " + gen)
                    .orderBy(org.apache.spark.sql.functions.col("fitness").desc(), org.apache.spark.sql.functions.col("candidate"))
                    .first();
            assertEquals(best.getDouble(best.fieldIndex("fitness")), g.getDouble(g.fieldIndex("best_fitness")), 0.0);
            assertEquals(best.getDouble(best.fieldIndex("s_pat")) - best.getDouble(best.fieldIndex("s_rep")),
                    g.getDouble(g.fieldIndex("best_u_hard")), 1e-12);
            assertEquals(6L * 10 * 7 * 300, g.getLong(g.fieldIndex("cell_steps")));
        }
        // generation 0 has no parents; later generations keep the 2 best unchanged as candidates 0 and 1
        assertEquals(0, Tables.read(spark, run, EsTables.CANDIDATES).where("generation = 0 and parent <> -1").count());
        Row g1 = Tables.read(spark, run, EsTables.CANDIDATES).where("generation = 1 and candidate = 0").first();
        int parent = g1.getInt(g1.fieldIndex("parent"));
        Row p = Tables.read(spark, run, EsTables.CANDIDATES).where("generation = 0 and candidate = " + parent).first();
        assertArrayEquals(toArray(p.getList(p.fieldIndex("params"))), toArray(g1.getList(g1.fieldIndex("params"))));
    }

    @Test
    void runJsonRecordsConfigAndItsHash() {
        JsonNode m = RunManifest.read(run);
        assertEquals("es", m.get("job").asText());
        assertEquals(64, m.get("config_hash").asText().length());
        assertEquals(3, m.get("config").get("seed").asLong());
        assertEquals(RunManifest.configHash(small(3)), m.get("config_hash").asText());
        assertTrue(!RunManifest.configHash(small(3)).equals(RunManifest.configHash(small(4))));
    }

    @Test
    void plotsArePngFiles() throws Exception {
        for (String plot : List.of("fitness", "learned_function", "patterns")) {
            byte[] head = Files.readAllBytes(run.resolve("plots/" + plot + ".png"));
            assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', plot);
        }
    }

    @Test
    void summaryValidatesTheFinalBestOnFreshReplicates() throws Exception {
        assertEquals(20, summary.get("validation").get("replicates").asInt());
        assertEquals(7, summary.get("validation").get("most_frequent_pattern").asText().length());
        assertTrue(Files.exists(run.resolve("summary.json")));
        assertTrue(Files.list(tmp).noneMatch(p -> p.getFileName().toString().contains("staging")), "staging removed");
    }

    @Test
    void summaryRecordsWhereTheRunsTimeWent() throws Exception {
        // what each phase took is the run's own profile (docs/BENCHMARKS.md); only its shape is checked here
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("summary.json").toFile());
        var phases = written.get("phases");
        for (String phase : java.util.List.of("start_up", "generations", "tables_and_artifacts", "fitness_plot")) {
            assertTrue(phases.get(phase).get("wall_s").asDouble() >= 0 && phases.get(phase).get("cpu_s").isNumber(), phase);
        }
        assertTrue(phases.get("tables_alone").get("wall_s").isNumber(), "the tables' own wall time, beside the artifacts");
    }

    @Test
    void everyTableIsReadableByDuckDb() throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement()) {
            for (String table : List.of(EsTables.GENERATIONS, EsTables.CANDIDATES, EsTables.PATTERNS, EsTables.TRAJECTORIES,
                    EsTables.LEARNED_FUNCTION, EsTables.TIMINGS)) {
                long spark = Tables.read(EsJobTest.spark, run, table).count();
                try (var rs = st.executeQuery("select count(*) from read_parquet('" + run.resolve(table) + "/*.parquet')")) {
                    rs.next();
                    assertEquals(spark, rs.getLong(1), table);
                }
            }
            try (var rs = st.executeQuery("select generation, best_fitness, optimizer_state['sigma'][1] from read_parquet('"
                    + run.resolve(EsTables.GENERATIONS) + "/*.parquet') order by generation desc limit 1")) {
                rs.next();
                assertEquals(3, rs.getInt(1));
                assertEquals(summary.get("final_best_fitness").asDouble(), rs.getDouble(2), 0.0);
                assertEquals(0.1, rs.getDouble(3), 0.0);
            }
            try (var rs = st.executeQuery("select len(params) from read_parquet('" + run.resolve(EsTables.CANDIDATES)
                    + "/*.parquet') limit 1")) {
                rs.next();
                assertEquals(97, rs.getInt(1));
            }
        }
    }

    private static double[] toArray(List<Object> l) {
        return l.stream().mapToDouble(o -> (Double) o).toArray();
    }
}
