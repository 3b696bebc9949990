package io.morphospark.udfs;

import io.morphospark.models.regulatory.PatternUtility;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Calls every function through SQL, as a Zeppelin {@code %spark.sql} paragraph would. */
class MorphoSparkFunctionsTest {
    private static final double EPS = 1e-12;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("MorphoSparkFunctionsTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        MorphoSparkFunctions.register(spark);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyNamedFunctionIsRegistered() {
        for (String name : MorphoSparkFunctions.NAMES) {
            assertTrue(spark.catalog().functionExists(name), name);
        }
    }

    @Test
    void fateStringJoinsIntegerAndTinyintFates() {
        assertEquals("1010101", value("fate_string(array(1, 0, 1, 0, 1, 0, 1))"));
        assertEquals("01", value("fate_string(array(cast(0 as tinyint), cast(1 as tinyint)))"));
        assertEquals("10", value("fate_string(array(true, false))"));
        assertEquals("", value("fate_string(cast(array() as array<int>))"));
        assertNull(value("fate_string(cast(null as array<int>))"));
    }

    @Test
    void fateStringReadsAnArrayColumn() {
        var schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("fates", DataTypes.createArrayType(DataTypes.ByteType), true)));
        spark.createDataFrame(List.of(
                        RowFactory.create((Object) new byte[] {0, 1, 1}),
                        RowFactory.create((Object) null)), schema)
                .createOrReplaceTempView("fate_rows");
        List<Row> rows = spark.sql("SELECT fate_string(fates) FROM fate_rows").collectAsList();
        assertEquals("011", rows.get(0).getString(0));
        assertTrue(rows.get(1).isNullAt(0));
    }

    @Test
    void fateStringRejectsAFateOtherThanZeroOrOne() {
        assertFailsWith("fate_string(array(1, 2, 0))", "fate_string: element 1 of [1,2,0] is 2; fates are 0 or 1");
        assertFailsWith("fate_string(array(1, null))", "fate_string: element 1 of [1,null] is null");
    }

    @Test
    void isAlternatingNeedsTwoCellsAndNoEqualNeighbours() {
        assertEquals(true, value("is_alternating('1010101')"));
        assertEquals(true, value("is_alternating('01')"));
        assertEquals(false, value("is_alternating('1010011')"));
        assertEquals(false, value("is_alternating('1')"));
        assertEquals(false, value("is_alternating('')"));
        assertNull(value("is_alternating(cast(null as string))"));
    }

    @Test
    void patternFunctionsRejectCharactersOtherThanFates() {
        assertFailsWith("is_alternating('10a1')",
                "is_alternating: pattern \"10a1\" has 'a' at position 2; a pattern holds only the fates '0' and '1'");
        assertFailsWith("pattern_ones('1 01')", "pattern_ones: pattern \"1 01\" has ' ' at position 1");
        assertFailsWith("fate_entropy('2')", "fate_entropy: pattern \"2\" has '2' at position 0");
        assertFailsWith("hamming('101', '1O1')", "hamming: pattern \"1O1\" has 'O' at position 1");
        assertFailsWith("pattern_ones(7)", "pattern_ones takes a pattern string such as '1010101', got 7 (Integer)");
    }

    @Test
    void patternOnesCountsFateOne() {
        assertEquals(4, value("pattern_ones('1010101')"));
        assertEquals(0, value("pattern_ones('')"));
        assertNull(value("pattern_ones(cast(null as string))"));
    }

    @Test
    void binaryEntropyIsInBitsAndAcceptsAnyNumericType() {
        assertEquals(1.0, (double) value("binary_entropy(0.5)"), EPS); // a decimal literal
        assertEquals(1.0, (double) value("binary_entropy(cast(0.5 as double))"), EPS);
        assertEquals(0.0, (double) value("binary_entropy(0)"), EPS);
        assertEquals(0.0, (double) value("binary_entropy(1)"), EPS);
        assertEquals(0.98523, (double) value("binary_entropy(4.0D / 7)"), 1e-5); // REFERENCE.md §1
        assertNull(value("binary_entropy(cast(null as double))"));
    }

    @Test
    void binaryEntropyRejectsWhatIsNotAProbability() {
        assertFailsWith("binary_entropy(1.5)", "binary_entropy takes a probability in [0, 1], got 1.5");
        assertFailsWith("binary_entropy(cast('NaN' as double))", "binary_entropy takes a probability in [0, 1], got NaN");
    }

    @Test
    void fateEntropyIsTheEntropyOfTheFractionOfOnes() {
        assertEquals(PatternUtility.binaryEntropy(4.0 / 7), (double) value("fate_entropy('1010101')"), EPS);
        assertEquals(1.0, (double) value("fate_entropy('10')"), EPS);
        assertEquals(0.0, (double) value("fate_entropy('0000000')"), EPS);
        assertNull(value("fate_entropy(cast(null as string))"));
        assertFailsWith("fate_entropy('')", "fate_entropy: an empty pattern has no fate distribution");
    }

    @Test
    void hammingCountsDifferingCellsOfEqualLengthPatterns() {
        assertEquals(7, value("hamming('1010101', '0101010')"));
        assertEquals(0, value("hamming('1010101', '1010101')"));
        assertEquals(1, value("hamming('1010101', '1010100')"));
        assertNull(value("hamming(cast(null as string), '101')"));
        assertNull(value("hamming('101', cast(null as string))"));
        assertFailsWith("hamming('101', '1010')",
                "hamming: patterns \"101\" and \"1010\" have different lengths (3 and 4 cells)");
    }

    @Test
    void stateMeanAveragesInDoublePrecisionAndSkipsNulls() {
        assertEquals(0.5, (double) value("state_mean(array(cast(0.25 as float), cast(0.75 as float)))"), EPS);
        assertEquals(0.25, (double) value("state_mean(array(cast(0.25 as float), null))"), EPS);
        assertEquals(0.6, (double) value("state_mean(array(0.2D, 1.0D))"), EPS);
        assertNull(value("state_mean(cast(array() as array<float>))"));
        assertNull(value("state_mean(cast(null as array<float>))"));
        assertFailsWith("state_mean(array('a'))", "state_mean: element 0 is a, not a number");
    }

    @Test
    void statePatternThresholdsAtOneHalf() {
        assertEquals("0110", value("state_pattern(array(cast(0.2 as float), cast(0.5 as float), 0.9F, 0.49F))"));
        assertNull(value("state_pattern(cast(null as array<float>))"));
    }

    /** The functions compose into REFERENCE.md §1's utility: a 50/50 mix of 1010101 and 0101010 has U = 6/7. */
    @Test
    void sqlOverPatternsReproducesTheReferenceUtility() {
        spark.sql("SELECT explode(array_repeat('1010101', 25) || array_repeat('0101010', 25)) AS pattern")
                .createOrReplaceTempView("mixed_patterns");
        Row r = spark.sql("""
                WITH counts AS (SELECT pattern, count(*) AS n FROM mixed_patterns GROUP BY pattern),
                     totals AS (SELECT sum(n) AS replicates, max(length(pattern)) AS cells FROM counts)
                SELECT binary_entropy(sum(pattern_ones(pattern) * n) / (max(replicates) * max(cells))) AS s_pat,
                       -sum(n / replicates * log2(n / replicates)) / max(cells) AS s_rep,
                       bool_and(is_alternating(pattern)) AS all_alternating
                FROM counts CROSS JOIN totals
                """).first();
        assertEquals(1.0, r.getDouble(0), EPS);
        assertEquals(1.0 / 7, r.getDouble(1), EPS);
        assertEquals(6.0 / 7, r.getDouble(0) - r.getDouble(1), EPS);
        assertTrue(r.getBoolean(2));
        assertFalse(spark.sql("SELECT is_alternating('1100')").first().getBoolean(0));
    }

    private static Object value(String expression) {
        return spark.sql("SELECT " + expression).first().get(0);
    }

    /** Spark wraps a UDF's exception; the user must still see the function's own message. */
    private static void assertFailsWith(String expression, String message) {
        Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT " + expression).collect());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().contains(message)) {
                return;
            }
        }
        fail("expected an IllegalArgumentException containing <" + message + "> for " + expression + ", got " + e);
    }
}
