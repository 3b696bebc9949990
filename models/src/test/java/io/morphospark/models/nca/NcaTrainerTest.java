package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NcaTrainerTest {
    private static final TrainingRecipe TINY = new TrainingRecipe(6, 2, 3, 5, 2e-3, 1.0, TrainingRecipe.GradientMode.CLIP, 0, 0.5, true, 1);

    private static NcaTrainer trainer(long seed) {
        return new NcaTrainer(NcaParameters.initial(NcaConfig.SEED, seed), Target.disc(10), TINY, NcaEngine.Kind.MATMUL, seed);
    }

    @Test
    void trainsAndReplaysExactlyFromItsSeed() {
        NcaTrainer a = trainer(3);
        NcaTrainer b = trainer(3);
        double[] before = a.parameters().values("w2");
        for (int e = 0; e < 3; e++) {
            NcaTrainer.EpochResult ra = a.epoch(e);
            NcaTrainer.EpochResult rb = b.epoch(e);
            assertTrue(Double.isFinite(ra.loss()) && ra.loss() > 0, "loss " + ra.loss());
            assertTrue(ra.steps() >= 3 && ra.steps() <= 5);
            assertEquals(ra.loss(), rb.loss(), 0.0);
        }
        for (String name : NcaParameters.NAMES) {
            assertEquals(a.parameters().get(name), b.parameters().get(name), name);
        }
        assertNotEquals(0.0, a.parameters().get("w2").amaxNumber().doubleValue(), "the zero last layer has learned");
        assertTrue(before.length > 0);
    }

    @Test
    void recipeRejectsBadSettings() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainingRecipe(4, 2, 5, 3, 2e-3, 1, TrainingRecipe.GradientMode.CLIP, 0, 0.5, false, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainingRecipe(4, 2, 3, 5, -1, 1, TrainingRecipe.GradientMode.CLIP, 0, 0.5, false, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainingRecipe(4, 2, 3, 5, 2e-3, 1, TrainingRecipe.GradientMode.CLIP, 0, -0.5, false, 1));
    }
}
