package io.morphospark.udfs;

import io.morphospark.models.regulatory.PatternUtility;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

import java.util.List;

/**
 * The one entry point that makes MorphoSpark's SQL functions callable by name in a session:
 * {@code MorphoSparkFunctions.register(spark)} from a job, a test or a Zeppelin {@code %spark}
 * paragraph. Every function returns NULL for a NULL argument and fails, naming itself and the
 * offending value, on input that is not what it claims to be.
 *
 * <p>Java UDFs get no implicit casts from Spark (a literal {@code 0.5} arrives as a decimal), so
 * arguments are taken as {@code Object} and checked here rather than trusted to a cast.
 */
public final class MorphoSparkFunctions {
    public static final String FATE_STRING = "fate_string";
    public static final String STATE_PATTERN = "state_pattern";
    public static final String IS_ALTERNATING = "is_alternating";
    public static final String PATTERN_ONES = "pattern_ones";
    public static final String BINARY_ENTROPY = "binary_entropy";
    public static final String FATE_ENTROPY = "fate_entropy";
    public static final String HAMMING = "hamming";
    public static final String STATE_MEAN = "state_mean";
    public static final String CLASSIFY_PATTERN = "classify_pattern";

    /** Every name {@link #register} defines, for documentation and checks. */
    public static final List<String> NAMES = List.of(FATE_STRING, STATE_PATTERN, IS_ALTERNATING, PATTERN_ONES,
            BINARY_ENTROPY, FATE_ENTROPY, HAMMING, STATE_MEAN, CLASSIFY_PATTERN);

    private MorphoSparkFunctions() {
    }

    public static void register(SparkSession spark) {
        var udf = spark.udf();
        udf.register(FATE_STRING, (UDF1<Object, String>) fates ->
                fates == null ? null : CellArrays.fateString(FATE_STRING, array(FATE_STRING, fates)), DataTypes.StringType);
        udf.register(STATE_PATTERN, (UDF1<Object, String>) states ->
                states == null ? null : CellArrays.statePattern(STATE_PATTERN, array(STATE_PATTERN, states)), DataTypes.StringType);
        udf.register(STATE_MEAN, (UDF1<Object, Double>) states ->
                states == null ? null : CellArrays.mean(STATE_MEAN, array(STATE_MEAN, states)), DataTypes.DoubleType);
        udf.register(IS_ALTERNATING, (UDF1<Object, Boolean>) p ->
                p == null ? null : BinaryPatterns.isAlternating(IS_ALTERNATING, string(IS_ALTERNATING, p)), DataTypes.BooleanType);
        udf.register(PATTERN_ONES, (UDF1<Object, Integer>) p ->
                p == null ? null : BinaryPatterns.ones(PATTERN_ONES, string(PATTERN_ONES, p)), DataTypes.IntegerType);
        udf.register(FATE_ENTROPY, (UDF1<Object, Double>) p ->
                p == null ? null : BinaryPatterns.fateEntropy(FATE_ENTROPY, string(FATE_ENTROPY, p)), DataTypes.DoubleType);
        udf.register(BINARY_ENTROPY, (UDF1<Object, Double>) p ->
                p == null ? null : PatternUtility.binaryEntropy(probability(BINARY_ENTROPY, p)), DataTypes.DoubleType);
        udf.register(HAMMING, (UDF2<Object, Object, Integer>) (a, b) ->
                a == null || b == null ? null : BinaryPatterns.hamming(HAMMING, string(HAMMING, a), string(HAMMING, b)),
                DataTypes.IntegerType);
        udf.register(CLASSIFY_PATTERN, new ClassifyPattern(), DataTypes.StringType);
    }

    private static Seq<?> array(String function, Object value) {
        if (value instanceof Seq<?> seq) {
            return seq;
        }
        throw new IllegalArgumentException(function + " takes an array column, got " + describe(value));
    }

    private static String string(String function, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(function + " takes a pattern string such as '1010101', got " + describe(value));
    }

    /** A probability in [0, 1]; outside it the entropy formula would quietly return NaN or nonsense. */
    private static double probability(String function, Object value) {
        if (value instanceof Number n) {
            double p = n.doubleValue();
            if (p >= 0 && p <= 1) {
                return p;
            }
            throw new IllegalArgumentException(function + " takes a probability in [0, 1], got " + p);
        }
        throw new IllegalArgumentException(function + " takes a probability in [0, 1], got " + describe(value));
    }

    private static String describe(Object value) {
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
