package io.morphospark.jobs.discover;

import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.zeppelin.DynamicForms;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.SqlScript;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Executes every SQL paragraph of the discovery notes ({@code notebooks-zeppelin/discovery-*.zpln})
 * against a tiny real MAP-Elites run, in note order, as Zeppelin's Spark SQL interpreter would:
 * the {@code run_dir} form becomes the run, and every query must return rows.
 */
class DiscoveryNoteTest {
    @TempDir
    static Path tmp;
    static Path run;
    static SparkSession spark;

    @BeforeAll
    static void runTheJob() {
        run = tmp.resolve("discovery");
        assertEquals(0, Main.execute("discover", "--out", run.toString(), "--master", "local[2]", "--search", "map-elites",
                "--generations", "3", "--population", "8", "--gaussian-batch", "3", "--crossover-batch", "3",
                "--cma-batch", "3", "--agents", "20", "--steps", "6", "--replicates", "2", "--bins", "4,4",
                "--film-top", "0", "--seed", "5"));
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @TestFactory
    List<DynamicTest> everySqlParagraphRunsAndReturnsRows() throws Exception {
        Path notes = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("notebooks-zeppelin");
        List<ZeppelinNote> discovery = new ArrayList<>();
        try (var files = Files.list(notes)) {
            files.filter(f -> f.getFileName().toString().startsWith("discovery-") && f.toString().endsWith(".zpln"))
                    .sorted().forEach(f -> discovery.add(ZeppelinNote.read(f)));
        }
        assertFalse(discovery.isEmpty(), "no discovery note in " + notes);
        List<DynamicTest> tests = new ArrayList<>();
        for (ZeppelinNote note : discovery) {
            SparkSession session = spark.newSession();
            long sql = note.paragraphs().stream().filter(NoteParagraph::isSql).count();
            assertTrue(sql >= 6, note.file() + " has only " + sql + " SQL paragraphs");
            for (NoteParagraph p : note.paragraphs()) {
                if (!p.enabled() || p.isMarkdown()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(note.file().getFileName() + " " + p.label(), () -> {
                    if (!p.isSql()) {
                        fail(p.label() + " uses %" + p.interpreter() + ", which this test cannot run");
                    }
                    for (String statement : SqlScript.statements(DynamicForms.expand(p.body(), Map.of("run_dir", run.toString())))) {
                        Row[] rows = (Row[]) session.sql(statement).collect();
                        if (SqlScript.isQuery(statement)) {
                            assertTrue(rows.length > 0, p.label() + " returned no rows for:\n" + statement);
                        }
                    }
                }));
            }
        }
        return tests;
    }
}
