package io.morphospark.udfs;

/**
 * Built-in (and higher-order array) Spark SQL expressions that compute what the MorphoSpark row
 * UDFs compute, so that a query written with them can run inside the RAPIDS Accelerator's GPU
 * operators instead of crossing to the CPU for every row (docs/gpu/explain-report.md). The UDFs
 * stay registered: they check their input and name the bad value; these trust it (a pattern of
 * '0'/'1', an array of states). Each method takes the SQL text of its argument and returns SQL
 * text, e.g. {@code patternOnes("pattern")}; equality with the UDFs is pinned by a test.
 */
public final class PatternExpressions {
    private PatternExpressions() {
    }

    /** {@code pattern_ones(p)}: cells with fate 1. */
    public static String patternOnes(String p) {
        return "(length(" + p + ") - length(replace(" + p + ", '1', '')))";
    }

    /** {@code is_alternating(p)}: at least two cells and no two neighbours alike. */
    public static String isAlternating(String p) {
        return "(length(" + p + ") >= 2 AND " + p + " NOT LIKE '%00%' AND " + p + " NOT LIKE '%11%')";
    }

    /** {@code binary_entropy(q)}: H(q) in bits, 0 at q ∈ {0, 1}. */
    public static String binaryEntropy(String q) {
        return "(CASE WHEN " + q + " <= 0 OR " + q + " >= 1 THEN 0D ELSE -(" + q + ") * log2(" + q + ") - (1 - " + q
                + ") * log2(1 - " + q + ") END)";
    }

    /** {@code fate_entropy(p)}: H(ones / cells) of one pattern. */
    public static String fateEntropy(String p) {
        return binaryEntropy("(" + patternOnes(p) + " / length(" + p + "))");
    }

    /** {@code hamming(a, b)}: cells whose fates differ (patterns of one length). */
    public static String hamming(String a, String b) {
        return "size(filter(sequence(1, length(" + a + ")), i -> substr(" + a + ", i, 1) != substr(" + b + ", i, 1)))";
    }

    /** {@code state_pattern(states)}: fates by the simulator's rule, state ≥ 0.5 (in float) → '1'. */
    public static String statePattern(String states) {
        return "array_join(transform(" + states + ", s -> IF(CAST(s AS FLOAT) >= 0.5, '1', '0')), '')";
    }

    /** {@code state_mean(states)}: mean of the non-NULL states, summed in order in double; NULL when none. */
    public static String stateMean(String states) {
        String present = "filter(" + states + ", s -> s IS NOT NULL)";
        return "IF(size(" + present + ") = 0, CAST(NULL AS DOUBLE), aggregate(" + present
                + ", 0D, (acc, s) -> acc + CAST(s AS DOUBLE)) / size(" + present + "))";
    }
}
