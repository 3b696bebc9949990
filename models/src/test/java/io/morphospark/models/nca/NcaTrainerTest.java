package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    void aBatchOfOneTrainsWithoutRegenerationButRegenerationNeedsTwo() {
        TrainingRecipe one = new TrainingRecipe(3, 1, 2, 3, 2e-3, 1.0, TrainingRecipe.GradientMode.CLIP, 0, 0.5, false, 1,
                TrainingRecipe.Reseed.AFTER);
        NcaTrainer trainer = new NcaTrainer(NcaParameters.initial(NcaConfig.SEED, 1), Target.disc(8), one,
                NcaEngine.Kind.FUSED, 1);
        assertTrue(Double.isFinite(trainer.epoch(0).loss()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> one.withRegeneration(true));
        assertTrue(e.getMessage().contains("needs a batch of at least 2, got 1"), e.getMessage());
    }

    @Test
    void theSeedNotebookReseedsThePoolAfterTheStep() {
        StepCheck c = oneStepOfAPoolOfTwo(TrainingRecipe.Reseed.AFTER);
        int worst = c.lossAfter[0] > c.lossAfter[1] ? 0 : 1;
        assertEquals(c.seed, c.after[worst], "the worst sample after the step is now a fresh seed");
        assertTrue(c.after[1 - worst].equalsWithEps(c.step(c.before[1 - worst]), 1e-6), "the other was stepped");
    }

    @Test
    void distillReseedsTheBatchBeforeTheStepSoEveryBatchGrowsASeed() {
        StepCheck c = oneStepOfAPoolOfTwo(TrainingRecipe.Reseed.BEFORE);
        int worst = c.lossBefore[0] > c.lossBefore[1] ? 0 : 1;
        assertTrue(c.lossBefore[0] != c.lossBefore[1], "no tie");
        assertTrue(c.after[worst].equalsWithEps(c.step(c.seed), 1e-6), "the worst sample was replaced by a seed, then stepped");
        assertTrue(c.after[1 - worst].equalsWithEps(c.step(c.before[1 - worst]), 1e-6), "the other was stepped");
    }

    /** A pool of two, both in every batch, one step at fire rate 1: the pool before and after epoch 2. */
    private static StepCheck oneStepOfAPoolOfTwo(TrainingRecipe.Reseed reseed) {
        TrainingRecipe recipe = new TrainingRecipe(2, 2, 1, 1, 2e-3, 1.0, TrainingRecipe.GradientMode.CLIP, 0, 1.0, false, 1,
                reseed);
        Target disc = Target.disc(8);
        NcaTrainer trainer = new NcaTrainer(NcaFixtures.randomParameters(NcaConfig.SEED, 5, DataType.FLOAT), disc, recipe,
                NcaEngine.Kind.FUSED, 1);
        trainer.epoch(0);
        trainer.epoch(1); // now the two samples differ, so "worst" is not a tie
        INDArray[] before = {trainer.pool().sample(0).dup(), trainer.pool().sample(1).dup()};
        NcaParameters parameters = trainer.parameters().copy();
        trainer.epoch(2);
        INDArray[] after = {trainer.pool().sample(0).dup(), trainer.pool().sample(1).dup()};
        RgbaLoss loss = new RgbaLoss(disc);
        return new StepCheck(parameters, trainer.pool().seed().dup(), before, after,
                loss.perSample(org.nd4j.linalg.factory.Nd4j.stack(0, before)),
                loss.perSample(org.nd4j.linalg.factory.Nd4j.stack(0, after)));
    }

    private record StepCheck(NcaParameters parameters, INDArray seed, INDArray[] before, INDArray[] after,
                             double[] lossBefore, double[] lossAfter) {
        INDArray step(INDArray state) {
            INDArray batch = state.reshape(1, state.size(0), state.size(1), state.size(2));
            return NcaEngine.create(NcaEngine.Kind.FUSED, parameters, 1.0, 0, false).run(batch, 0, 0, 1, 1, null)
                    .get(NDArrayIndex.point(0));
        }
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
