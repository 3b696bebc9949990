package io.morphospark.udfs;

import io.morphospark.models.regulatory.PatternUtility;

/**
 * Functions over one binary pattern written as a string of fates, one character per cell
 * ({@code "1010101"}), the form the {@code patterns} table stores. Every function validates its
 * input: a stray character means the column is not a pattern, and a silent answer would hide that.
 */
public final class BinaryPatterns {
    private BinaryPatterns() {
    }

    /** Number of cells with fate 1. */
    public static int ones(String function, String pattern) {
        requireBinary(function, pattern);
        int ones = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '1') {
                ones++;
            }
        }
        return ones;
    }

    /** True when no two neighbouring cells share a fate; a single cell has no neighbours to alternate with. */
    public static boolean isAlternating(String function, String pattern) {
        requireBinary(function, pattern);
        if (pattern.length() < 2) {
            return false;
        }
        for (int i = 1; i < pattern.length(); i++) {
            if (pattern.charAt(i) == pattern.charAt(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Entropy in bits of the pattern's own fate distribution: {@code H(ones / cells)} (S_pat of one replicate). */
    public static double fateEntropy(String function, String pattern) {
        int ones = ones(function, pattern);
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException(function + ": an empty pattern has no fate distribution");
        }
        return PatternUtility.binaryEntropy((double) ones / pattern.length());
    }

    /** Number of cells whose fates differ; only patterns of one row length are comparable. */
    public static int hamming(String function, String a, String b) {
        requireBinary(function, a);
        requireBinary(function, b);
        if (a.length() != b.length()) {
            throw new IllegalArgumentException(function + ": patterns \"" + a + "\" and \"" + b
                    + "\" have different lengths (" + a.length() + " and " + b.length() + " cells)");
        }
        int distance = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                distance++;
            }
        }
        return distance;
    }

    static void requireBinary(String function, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException(function + ": pattern \"" + pattern + "\" has '" + c
                        + "' at position " + i + "; a pattern holds only the fates '0' and '1'");
            }
        }
    }
}
