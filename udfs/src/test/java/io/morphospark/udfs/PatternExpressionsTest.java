package io.morphospark.udfs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The built-in expressions give what the row UDFs give, row by row, on every pattern up to 8 cells. */
class PatternExpressionsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("PatternExpressionsTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        MorphoSparkFunctions.register(spark);
        List<String> patterns = new ArrayList<>();
        for (int cells = 1; cells <= 8; cells++) {
            for (int bits = 0; bits < 1 << cells; bits++) {
                patterns.add(String.format("%" + cells + "s", Integer.toBinaryString(bits)).replace(' ', '0'));
            }
        }
        String rows = patterns.stream().map(p -> "('" + p + "')").collect(Collectors.joining(", "));
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW patterns AS SELECT * FROM VALUES " + rows + ", (NULL) AS t(p)");
        SplittableRandom random = new SplittableRandom(5);
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int cells = 1 + random.nextInt(9);
            List<String> states = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                // exact 0.5, values a float ulp either side of it, and NULL cells besides uniform states
                int kind = random.nextInt(8);
                states.add(kind == 0 ? "CAST(0.5 AS FLOAT)" : kind == 1 ? "CAST(0.49999997 AS FLOAT)"
                        : kind == 2 ? "CAST(NULL AS FLOAT)" : "CAST(" + String.format(Locale.ROOT, "%.9f", random.nextDouble()) + " AS FLOAT)");
            }
            arrays.add("(array(" + String.join(", ", states) + "))");
        }
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW trajectories AS SELECT * FROM VALUES " + String.join(", ", arrays)
                + " AS t(states)");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Rows of (udf, expression) values; fails on the first row where they differ beyond {@code tolerance}. */
    private static void assertSame(String udf, String expression, String from, double tolerance) {
        List<Row> rows = spark.sql("SELECT " + udf + " AS u, " + expression + " AS e, * FROM " + from).collectAsList();
        assertFalse(rows.isEmpty());
        for (Row row : rows) {
            Object u = row.get(0);
            Object e = row.get(1);
            if (u instanceof Double du && e instanceof Double de) {
                assertEquals(du, de, tolerance, () -> udf + " vs " + expression + " on " + row);
            } else {
                assertEquals(u, e == null ? null : u == null ? e : castLike(u, e), () -> udf + " vs " + expression + " on " + row);
            }
        }
    }

    private static Object castLike(Object like, Object value) {
        return like instanceof Integer && value instanceof Number n ? (Object) n.intValue() : value;
    }

    @Test
    void patternFunctions() {
        assertSame("pattern_ones(p)", PatternExpressions.patternOnes("p"), "patterns", 0);
        assertSame("is_alternating(p)", PatternExpressions.isAlternating("p"), "patterns", 0);
        // Java's Math.log (the UDF) and Spark's StrictMath.log may differ in the last bit
        assertSame("fate_entropy(p)", PatternExpressions.fateEntropy("p"), "patterns", 1e-15);
        assertSame("binary_entropy(q)", PatternExpressions.binaryEntropy("q"),
                "(SELECT CAST(id AS DOUBLE) / 64 AS q FROM range(0, 65))", 1e-15);
    }

    @Test
    void hammingDistanceOfEveryPairOfFiveCellPatterns() {
        assertSame("hamming(a.p, b.p)", PatternExpressions.hamming("a.p", "b.p"),
                "patterns a JOIN patterns b ON length(a.p) = 5 AND length(b.p) = 5", 0);
    }

    @Test
    void stateArrayFunctions() {
        assertSame("state_mean(states)", PatternExpressions.stateMean("states"), "trajectories", 0);
        assertSame("state_pattern(filter(states, s -> s IS NOT NULL))",
                PatternExpressions.statePattern("filter(states, s -> s IS NOT NULL)"), "trajectories", 0);
    }
}
