package io.morphospark.jobs.gpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import io.morphospark.udfs.MorphoSparkFunctions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The note paragraphs rewritten with built-in expressions (so the RAPIDS Accelerator keeps them on
 * the GPU) return what their earlier forms with the MorphoSpark row UDFs returned, row by row, on
 * tables shaped like a run's (kept in {@code gpu/note-paragraphs-with-udfs.json}).
 */
class NoteExpressionFormsTest {
    private static SparkSession spark;

    @BeforeAll
    static void tables() {
        spark = SparkSession.builder().master("local[1]").appName("NoteExpressionFormsTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        MorphoSparkFunctions.register(spark);
        SplittableRandom random = new SplittableRandom(3);
        List<String> patterns = new ArrayList<>();
        List<String> generations = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < 12; r++) {
                // a few frequent patterns (alternating ones among them) and some noise, as a run's replicates
                String pattern = r < 5 ? "1010101" : r < 7 ? "0101010" : r < 9 ? "1111111"
                        : String.format("%7s", Integer.toBinaryString(random.nextInt(128))).replace(' ', '0');
                patterns.add("(" + g + ", '" + pattern + "')");
            }
            generations.add("(" + g + ", " + random.nextDouble() + "D, " + random.nextDouble() + "D)");
        }
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW patterns AS SELECT * FROM VALUES " + String.join(", ", patterns)
                + " AS t(generation, pattern)");
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW generations AS SELECT * FROM VALUES " + String.join(", ", generations)
                + " AS t(generation, best_s_pat, best_s_rep)");
        List<String> trajectories = new ArrayList<>();
        for (int replicate = 0; replicate < 3; replicate++) {
            for (int step = 0; step < 5; step++) {
                List<String> states = new ArrayList<>();
                for (int cell = 0; cell < 7; cell++) {
                    states.add(random.nextInt(6) == 0 ? "CAST(0.5 AS FLOAT)"
                            : "CAST(" + String.format(Locale.ROOT, "%.8f", random.nextDouble()) + " AS FLOAT)");
                }
                trajectories.add("(" + replicate + ", " + step + ", " + step * 0.01 + "D, array(" + String.join(", ", states) + "))");
            }
        }
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW trajectories AS SELECT * FROM VALUES " + String.join(", ", trajectories)
                + " AS t(replicate, step, time, states)");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void rewrittenParagraphsReturnWhatTheUdfFormsReturned() throws IOException {
        Map<String, String> udfForms;
        try (InputStream in = getClass().getResourceAsStream("/gpu/note-paragraphs-with-udfs.json")) {
            udfForms = new ObjectMapper().readValue(in, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        }
        Path note = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolveSibling("notebooks-zeppelin").resolve("es-run-analysis.zpln");
        List<NoteParagraph> paragraphs = ZeppelinNote.read(note).paragraphs();
        assertEquals(5, udfForms.size());
        for (Map.Entry<String, String> form : udfForms.entrySet()) {
            NoteParagraph rewritten = paragraphs.stream().filter(p -> form.getKey().equals(p.title())).findFirst()
                    .orElseThrow(() -> new AssertionError("the note has no paragraph \"" + form.getKey() + "\""));
            for (String udf : MorphoSparkFunctions.NAMES) {
                assertFalse(rewritten.body().replaceAll("--.*", "").contains(udf + "("),
                        () -> "\"" + form.getKey() + "\" still calls " + udf);
            }
            List<Row> expected = spark.sql(form.getValue()).collectAsList();
            List<Row> actual = spark.sql(rewritten.body()).collectAsList();
            assertFalse(expected.isEmpty(), form.getKey());
            assertEquals(expected.size(), actual.size(), form.getKey());
            for (int i = 0; i < expected.size(); i++) {
                assertRowsEqual(form.getKey(), expected.get(i), actual.get(i));
            }
        }
    }

    private static void assertRowsEqual(String paragraph, Row expected, Row actual) {
        assertEquals(expected.length(), actual.length(), paragraph);
        for (int c = 0; c < expected.length(); c++) {
            Object e = expected.get(c);
            Object a = actual.get(c);
            String where = paragraph + ", column " + expected.schema().fieldNames()[c] + ": " + expected + " vs " + actual;
            if (e instanceof Double de && a instanceof Double da) {
                // Java's Math.log (UDFs) and Spark's StrictMath.log (log2) may differ in the last bit
                assertEquals(de, da, 1e-12, where);
            } else if (e instanceof Number ne && a instanceof Number na) {
                assertEquals(ne.longValue(), na.longValue(), where);
            } else {
                assertEquals(e, a, where);
            }
        }
    }
}
