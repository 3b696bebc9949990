package io.morphospark.models.nca;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The growing NCA as an ES problem: flat vectors, common random numbers, block-split invariance. */
class GrowingNcaProblemTest {
    private static final GrowingNcaProblem P = new GrowingNcaProblem(NcaConfig.SEED, Target.disc(12), 3, 6, 9, 0.5,
            NcaEngine.Kind.FUSED);

    @Test
    void flatVectorRoundTripsTheParameters() {
        NcaParameters p = NcaFixtures.randomParameters(NcaConfig.SEED, 4, DataType.FLOAT);
        double[] flat = GrowingNcaProblem.flatten(p);
        assertEquals(8336, flat.length);
        assertArrayEquals(flat, GrowingNcaProblem.flatten(P.unflatten(flat)), 0.0);
    }

    @Test
    void untrainedCaScoresTheSeedItselfAndBlocksSplitFreely() {
        double[] x = P.initialCandidate(new SplittableRandom(1));
        EvaluationKey key = new EvaluationKey(7, 2, 0);
        Evaluation whole = P.reduce(List.of(P.evaluateBlock(x, key, 0, 3)));
        Evaluation split = P.reduce(List.of(P.evaluateBlock(x, key, 0, 1), P.evaluateBlock(x, key, 1, 2)));
        assertEquals(whole.fitness(), split.fitness(), 0.0);
        // a zero last layer changes nothing: every rollout ends at the seed
        double seedLoss = new RgbaLoss(P.target()).perSample(Seeds.seed(NcaConfig.SEED, 1, 12, 12, DataType.FLOAT))[0];
        assertEquals(-seedLoss, whole.fitness(), 1e-7);
    }

    @Test
    void rolloutsShareRandomnessAcrossCandidatesNotGenerations() {
        double[] x = GrowingNcaProblem.flatten(NcaFixtures.randomParameters(NcaConfig.SEED, 9, DataType.FLOAT));
        BlockResult a = P.evaluateBlock(x, new EvaluationKey(7, 2, 0), 0, 3);
        BlockResult b = P.evaluateBlock(x, new EvaluationKey(7, 2, 5), 0, 3);
        BlockResult c = P.evaluateBlock(x, new EvaluationKey(7, 3, 0), 0, 3);
        assertArrayEquals(((GrowingNcaProblem.Losses) a).losses(), ((GrowingNcaProblem.Losses) b).losses(), 0.0);
        assertNotEquals(((GrowingNcaProblem.Losses) a).losses()[0], ((GrowingNcaProblem.Losses) c).losses()[0]);
    }

    @Test
    void isSerialisableForSparkAndRejectsBadSettings() throws Exception {
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(P);
        assertThrows(IllegalArgumentException.class, () -> new GrowingNcaProblem(NcaConfig.SEED, Target.disc(8), 0, 1, 2, 0.5,
                NcaEngine.Kind.FUSED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GrowingNcaProblem(
                NcaConfig.SEED, Target.disc(8), 1, 1, 2, -0.5, NcaEngine.Kind.FUSED));
        assertTrue(e.getMessage().contains("fire rate"));
    }
}
