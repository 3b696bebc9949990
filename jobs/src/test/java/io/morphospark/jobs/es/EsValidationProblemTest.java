package io.morphospark.jobs.es;

import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ES job on validation functions: a perturbation-recipe optimiser ships the centre, not λ vectors. */
class EsValidationProblemTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Row> run(String algorithm, String problem, int dim, int population) {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.problem.name = problem;
        s.problem.dim = dim;
        s.optimizer.algorithm = algorithm;
        s.optimizer.population = population;
        s.generations = 5;
        Path out = tmp.resolve(algorithm + "-" + problem);
        new EsJob(spark, s, new PrintStream(PrintStream.nullOutputStream())).run(out);
        return Tables.read(spark, out, EsTables.GENERATIONS).orderBy("generation").collectAsList();
    }

    @Test
    void snesOnSphereShipsARecipeAndImproves() {
        int dim = 200;
        int population = 40;
        List<Row> gens = run("snes", "sphere", dim, population);
        assertEquals(5, gens.size());
        for (Row g : gens) {
            long shipped = g.getLong(g.fieldIndex("shipped_bytes"));
            // centre and per-coordinate σ: 2·8·dim plus descriptors, far below λ vectors (8·dim·λ)
            assertTrue(shipped > 2 * 8 * dim && shipped < 2 * 8 * dim + 2048, "shipped " + shipped);
            assertEquals(-g.getDouble(g.fieldIndex("best_fitness")), g.getDouble(g.fieldIndex("best_f")), 0.0);
            assertTrue(g.getJavaMap(g.fieldIndex("optimizer_state")).containsKey("sigma_mean"));
        }
        Row first = gens.get(0);
        Row last = gens.get(gens.size() - 1);
        assertTrue(last.getDouble(last.fieldIndex("best_f")) < first.getDouble(first.fieldIndex("best_f")));
    }

    @Test
    void cmaEsShipsVectorsAndRecordsItsCondition() {
        List<Row> gens = run("cma-es", "rosenbrock", 10, 10);
        for (Row g : gens) {
            long shipped = g.getLong(g.fieldIndex("shipped_bytes"));
            assertTrue(shipped > 10 * 10 * 8, "ten vectors of ten doubles: " + shipped);
            assertTrue(g.getJavaMap(g.fieldIndex("optimizer_state")).containsKey("condition"));
        }
    }
}
