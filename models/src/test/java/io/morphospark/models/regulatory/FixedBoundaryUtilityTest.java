package io.morphospark.models.regulatory;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a fixed boundary the two clamped outer cells are not the network's: patterns and the
 * utility cover the N−2 cells it controls (REFERENCE.md §1). Before, the clamps counted as two
 * "off" fates, so an all-on interior (0 1111111 0, U = H(7/9) ≈ 0.764) looked patterned.
 */
class FixedBoundaryUtilityTest {
    static final double H_4_7 = 0.9852281360342515; // binary entropy of 4/7

    static LateralInhibitionProblem problem(int cells, int replicates, Boundary boundary, LateralInhibitionProblem.Utility u) {
        return new LateralInhibitionProblem(new LateralInhibitionConfig(cells, replicates, 0.01, 10, 0.1, 0.5, 0.1, boundary,
                new int[] {8, 8}), u);
    }

    /** Final states, one row per replicate, from 0/1 strings (what the simulator would end with). */
    static float[] states(String... rows) {
        int n = rows[0].length();
        float[] s = new float[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < n; i++) {
                s[r * n + i] = rows[r].charAt(i) == '1' ? 0.9f : 0.1f;
            }
        }
        return s;
    }

    static String[] repeat(int times, String... patterns) {
        String[] out = new String[times];
        for (int i = 0; i < times; i++) {
            out[i] = patterns[i % patterns.length];
        }
        return out;
    }

    static Evaluation evaluate(LateralInhibitionProblem p, String... rows) {
        byte[] fates = p.simulator().controlledFates(states(rows));
        List<BlockResult> block = List.of(new PatternBlock(0, rows.length, fates, false));
        return p.reduce(block);
    }

    @Test
    void alternatingInteriorScoresAsTheSevenCellPattern() {
        for (var u : LateralInhibitionProblem.Utility.values()) {
            Evaluation e = evaluate(problem(9, 50, Boundary.FIXED, u), repeat(50, "010101010"));
            assertEquals(H_4_7, e.fitness(), 1e-12, u.name());
            assertEquals(H_4_7, e.metrics()[1], 1e-12, "S_pat");
            assertEquals(0.0, e.metrics()[2], 1e-12, "S_rep");
            assertEquals(7, e.patternWidth(), "patterns hold the controlled cells only");
        }
    }

    @Test
    void allOnInteriorHasNoPattern() {
        Evaluation fixed = evaluate(problem(9, 50, Boundary.FIXED, LateralInhibitionProblem.Utility.HARD), repeat(50, "011111110"));
        assertEquals(0.0, fixed.fitness(), 0.0);
        // the same final row counted over all nine cells (a free boundary) scores H(7/9): the clamps' reward
        Evaluation all = evaluate(problem(9, 50, Boundary.FREE, LateralInhibitionProblem.Utility.HARD), repeat(50, "011111110"));
        assertEquals(PatternUtility.binaryEntropy(7.0 / 9), all.fitness(), 1e-12);
        assertEquals(0.7642045065086203, all.fitness(), 1e-12);
    }

    @Test
    void halfAndHalfMixOfAlternatingInteriors() {
        Evaluation e = evaluate(problem(9, 50, Boundary.FIXED, LateralInhibitionProblem.Utility.HARD),
                repeat(50, "010101010", "001010100"));
        assertEquals(6.0 / 7, e.fitness(), 1e-12);
        assertEquals(1.0, e.metrics()[1], 1e-12, "S_pat: 7 ones in every 14 controlled cells");
        assertEquals(1.0 / 7, e.metrics()[2], 1e-12, "S_rep = H(½, ½) / 7");
    }

    @Test
    void otherBoundariesKeepEveryCell() {
        Evaluation e = evaluate(problem(7, 50, Boundary.ZERO_PADDED, LateralInhibitionProblem.Utility.HARD), repeat(50, "1010101"));
        assertEquals(H_4_7, e.fitness(), 1e-12);
        assertEquals(7, e.patternWidth());
    }

    @Test
    void simulatedBlocksCarryOnlyTheControlledCells() {
        LateralInhibitionProblem p = problem(7, 6, Boundary.FIXED, LateralInhibitionProblem.Utility.HARD);
        double[] params = p.initialCandidate(new java.util.SplittableRandom(1));
        PatternBlock b = (PatternBlock) p.evaluateBlock(params, new EvaluationKey(3, 0, 0), 0, 6);
        assertEquals(6 * 5, b.fates().length);
        Evaluation e = p.reduce(List.of(b));
        assertEquals(5, e.patternWidth());
        assertTrue(e.fitness() >= 0 && e.fitness() <= 1);
    }

    @Test
    void fixedBoundaryNeedsACellToControl() {
        var e = assertThrows(IllegalArgumentException.class, () -> problem(2, 5, Boundary.FIXED, LateralInhibitionProblem.Utility.HARD));
        assertTrue(e.getMessage().contains("cells must be at least 3 under a fixed boundary"), e.getMessage());
    }
}
