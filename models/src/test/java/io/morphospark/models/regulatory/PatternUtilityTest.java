package io.morphospark.models.regulatory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatternUtilityTest {
    private static byte[] repeat(int replicates, String... patterns) {
        int n = patterns[0].length();
        byte[] fates = new byte[replicates * n];
        for (int r = 0; r < replicates; r++) {
            String p = patterns[r % patterns.length];
            for (int i = 0; i < n; i++) {
                fates[r * n + i] = (byte) (p.charAt(i) - '0');
            }
        }
        return fates;
    }

    @Test
    void allReplicatesAlternatingGiveEntropyOfFourSevenths() {
        var u = PatternUtility.hard(repeat(50, "1010101"), 50, 7);
        assertEquals(0.98523, u.utility(), 1e-5);
        assertEquals(0.0, u.replicateEntropy(), 0.0);
    }

    @Test
    void halfAndHalfOfTheTwoAlternatingPatternsGiveSixSevenths() {
        var u = PatternUtility.hard(repeat(50, "1010101", "0101010"), 50, 7);
        assertEquals(6.0 / 7.0, u.utility(), 1e-12);
        assertEquals(0.85714, u.utility(), 1e-5);
    }

    @Test
    void evenRowWithOneAlternatingPatternGivesOneBit() {
        assertEquals(1.0, PatternUtility.hard(repeat(50, "10101010"), 50, 8).utility(), 1e-12);
    }

    @Test
    void allZeroPatternsGiveZero() {
        assertEquals(0.0, PatternUtility.hard(repeat(50, "0000000"), 50, 7).utility(), 0.0);
    }

    @Test
    void softUtilityEqualsHardOnBinaryPatterns() {
        byte[] fates = repeat(40, "1010101", "0101010", "1010101", "1100101", "1010101");
        float[] z = new float[fates.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = fates[i];
        }
        var hard = PatternUtility.hard(fates, 40, 7);
        var soft = PatternUtility.soft(z, 40, 7, 0.1);
        assertEquals(hard.utility(), soft.utility(), 1e-12);
        assertEquals(hard.replicateEntropy(), soft.replicateEntropy(), 1e-12);
    }

    @Test
    void softUtilityPenalisesSpreadOfContinuousPatterns() {
        float[] tight = new float[20 * 4];
        float[] spread = new float[20 * 4];
        for (int r = 0; r < 20; r++) {
            for (int i = 0; i < 4; i++) {
                tight[r * 4 + i] = i % 2;
                spread[r * 4 + i] = (i % 2) + (r % 2 == 0 ? 0.15f : -0.15f) * (i % 2 == 0 ? -1 : 1);
            }
        }
        double uTight = PatternUtility.soft(tight, 20, 4, 0.1).utility();
        double uSpread = PatternUtility.soft(spread, 20, 4, 0.1).utility();
        assertEquals(1.0, uTight, 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(uSpread < uTight, "spread patterns must score lower");
    }
}
