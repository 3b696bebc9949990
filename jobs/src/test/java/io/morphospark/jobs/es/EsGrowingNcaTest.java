package io.morphospark.jobs.es;

import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.testing.Tables;
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.models.nca.NcaModelFile;
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

/** {@code es --problem growing-nca}: NCA rollouts fan out as Spark tasks; the best becomes a loadable model. */
class EsGrowingNcaTest {
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

    private static Path run(String name, int partitions) {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.problem.name = "growing-nca";
        s.problem.nca.size = 10;
        s.problem.nca.rollouts = 2;
        s.problem.nca.minSteps = 4;
        s.problem.nca.maxSteps = 6;
        s.optimizer.algorithm = "openai-es";
        s.optimizer.population = 6;
        s.evaluation.partitions = partitions;
        s.generations = 2;
        Path out = tmp.resolve(name);
        new EsJob(spark, s, new PrintStream(PrintStream.nullOutputStream())).run(out);
        return out;
    }

    @Test
    void runsAcrossTasksAndExportsTheBestAsAModel() {
        Path a = run("a", 1);
        Path b = run("b", 3);
        List<Row> gens = Tables.read(spark, a, EsTables.GENERATIONS).orderBy("generation").collectAsList();
        assertEquals(2, gens.size());
        assertTrue(gens.get(0).getDouble(gens.get(0).fieldIndex("best_loss")) > 0);
        List<Row> other = Tables.read(spark, b, EsTables.GENERATIONS).orderBy("generation").collectAsList();
        for (int g = 0; g < 2; g++) {
            assertEquals(gens.get(g).getDouble(gens.get(g).fieldIndex("best_fitness")),
                    other.get(g).getDouble(other.get(g).fieldIndex("best_fitness")), 0.0, "1 vs 3 partitions");
        }
        assertEquals(8336, GrowingNcaProblem.flatten(NcaModelFile.read(a.resolve("model"))).length);
        assertArrayEquals(GrowingNcaProblem.flatten(NcaModelFile.read(a.resolve("model"))),
                GrowingNcaProblem.flatten(NcaModelFile.read(b.resolve("model"))), 0.0);
        assertTrue(Files.isRegularFile(a.resolve("plots/growth.png")));
        assertTrue(Files.isRegularFile(a.resolve("model/target.png")));
    }
}
