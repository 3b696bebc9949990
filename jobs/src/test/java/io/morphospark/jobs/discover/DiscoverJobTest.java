package io.morphospark.jobs.discover;

import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import io.morphospark.models.agents.scenarios.AlgorithmEvaluation;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.discovery.DiscoveryProblem;
import io.morphospark.models.discovery.Genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiny real runs of every search mode: tables, archive consistency, plots and film strips. */
class DiscoverJobTest {
    /** 20 agents for 6 steps: well under a second per generation on two cores. */
    static final List<String> TINY = List.of("--agents", "20", "--steps", "6", "--bins", "4,4",
            "--seed", "3");

    @TempDir
    static Path tmp;
    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static int discover(String... args) {
        List<String> all = new ArrayList<>(List.of("discover"));
        all.addAll(List.of(args));
        all.addAll(TINY);
        return Main.execute(all.toArray(String[]::new));
    }

    @Test
    void mapElitesWritesTablesWhoseArchiveIsTheBestOfEachCell() {
        Path run = tmp.resolve("me");
        assertEquals(ExitCodes.OK, discover("--out", run.toString(), "--search", "map-elites", "--generations", "3",
                "--population", "8", "--replicates", "2", "--gaussian-batch", "3", "--crossover-batch", "3", "--cma-batch", "4", "--film-top", "1"));
        Dataset<Row> evaluations = Tables.read(spark, run, DiscoveryTables.EVALUATIONS);
        assertEquals(8 + 2 * 10, evaluations.count());
        assertEquals(3, Tables.read(spark, run, DiscoveryTables.GENERATIONS).count());
        evaluations.createOrReplaceTempView("e");
        Tables.read(spark, run, DiscoveryTables.ARCHIVE).createOrReplaceTempView("a");
        // every archive elite is the best valid evaluation of its cell (earliest among ties)
        List<Row> mismatch = spark.sql("SELECT a.cell FROM a JOIN (SELECT cell, max(performance) AS best FROM e "
                + "WHERE NOT invalid GROUP BY cell) b ON a.cell = b.cell WHERE a.performance <> b.best").collectAsList();
        assertTrue(mismatch.isEmpty(), "cells whose elite is not their best: " + mismatch);
        assertEquals(spark.sql("SELECT count(DISTINCT cell) FROM e WHERE NOT invalid").first().getLong(0),
                spark.table("a").count());
        // lineage: every emitted candidate names an evaluated parent
        assertEquals(0, spark.sql("SELECT * FROM e c LEFT JOIN e p ON c.parent1_generation = p.generation AND "
                + "c.parent1_candidate = p.candidate WHERE c.generation > 0 AND p.candidate IS NULL").count());
        assertEquals(10, Tables.read(spark, run, DiscoveryTables.TOP).count());
        for (String png : List.of("archive_heatmap.png", "qd_score.png", "coverage.png", "best_performance.png",
                "films/sorting_top1.png", "films/pattern_formation_top1.png", "films/collective_movement_top1.png")) {
            assertTrue(Files.isRegularFile(run.resolve("plots").resolve(png)), png);
        }
        assertTrue(Files.isRegularFile(run.resolve("run.json")));
        assertTrue(Files.isRegularFile(run.resolve("summary.json")));
    }

    @Test
    void exhaustiveEvaluatesAll125TriplesAndGaKeepsItsElites() throws Exception {
        Path ex = tmp.resolve("exhaustive");
        assertEquals(ExitCodes.OK, discover("--out", ex.toString(), "--search", "exhaustive", "--population", "125",
                "--replicates", "1", "--film-top", "0"));
        Dataset<Row> table = Tables.read(spark, ex, DiscoveryTables.EVALUATIONS);
        assertEquals(125, table.count());
        assertEquals(125, table.select("algorithm").distinct().count());
        assertEquals(1, Tables.read(spark, ex, DiscoveryTables.GENERATIONS).count());
        // scores come from the evaluation seed (0), not the search seed (3): the seed's own aggregate agrees
        DiscoverSettings tiny = new DiscoverSettings();
        tiny.agents = 20;
        tiny.steps = 6;
        tiny.replicates = 1;
        DiscoveryProblem problem = tiny.problem();
        Map<Scenario, ScenarioSettings> worlds = new EnumMap<>(Scenario.class);
        problem.scenarios().forEach(sc -> worlds.put(sc, problem.settings(sc)));
        for (int t : new int[] {0, 64, 124}) {
            AlgorithmEvaluation expected = AlgorithmEvaluation.evaluate(Genome.decode(Genome.triple(t)), worlds, 0, 1);
            assertEquals(expected.performance(), table.filter("candidate = " + t).first().<Double>getAs("performance"), 0.0);
        }
        // the per-rule marginals of the summary: each rule of each kind is in 25 of the 125 triples
        var marginals = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ex.resolve("summary.json").toFile())
                .path("rule_marginals");
        for (String kind : List.of("movement", "decision", "communication")) {
            assertEquals(5, marginals.path(kind).size(), kind);
            marginals.path(kind).forEach(rule -> assertEquals(25, rule.path("algorithms").asInt()));
        }
        double meanOfMovementMeans = 0;
        for (var rule : marginals.path("movement")) {
            meanOfMovementMeans += rule.path("sorting").asDouble() / 5;
        }
        assertEquals(table.agg(org.apache.spark.sql.functions.avg("mean_sorting")).first().getDouble(0), meanOfMovementMeans, 1e-9);

        Path ga = tmp.resolve("ga");
        assertEquals(ExitCodes.OK, discover("--out", ga.toString(), "--search", "ga", "--generations", "3",
                "--population", "10", "--elites", "4", "--replicates", "2", "--film-top", "0", "--archive", "cvt",
                "--cvt-cells", "12"));
        assertTrue(Files.isRegularFile(ga.resolve("plots/archive_heatmap.png")));
        assertTrue(Tables.read(spark, ga, DiscoveryTables.ARCHIVE).agg(org.apache.spark.sql.functions.max("cell"))
                .first().getInt(0) < 12);
        Dataset<Row> gens = Tables.read(spark, ga, DiscoveryTables.GENERATIONS).orderBy("generation");
        List<Row> rows = gens.collectAsList();
        assertEquals(List.of(10, 6, 6), rows.stream().map(r -> r.<Integer>getAs("candidates")).toList());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).<Double>getAs("best_ever") >= rows.get(i - 1).<Double>getAs("best_ever"));
        }
    }
}
