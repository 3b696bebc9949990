package io.morphospark.models.nca;

import io.morphospark.models.nca.advection.AdvectionRecipe;
import io.morphospark.models.nca.advection.AdvectionTrainer;
import io.morphospark.models.nca.advection.Architecture;
import io.morphospark.models.nca.advection.Arena;
import io.morphospark.models.nca.advection.TransportSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A trainer's state taken after k epochs, serialised (after the original has trained on, so a state
 * that aliased live arrays would show) and restored into a new trainer, continues exactly as the
 * original: same losses, parameters and pool, bit for bit.
 */
class TrainerResumeTest {
    @Test
    void growingNcaTrainerResumesBitIdentically() throws Exception {
        TrainingRecipe recipe = new TrainingRecipe(5, 2, 3, 5, 2e-3, 1.0, TrainingRecipe.GradientMode.CLIP, 2, 0.5, true, 1,
                TrainingRecipe.Reseed.BEFORE);
        Target disc = Target.disc(8);
        NcaTrainer straight = new NcaTrainer(NcaParameters.initial(NcaConfig.SEED, 4), disc, recipe, NcaEngine.Kind.FUSED, 4);
        int k = 2;
        int n = 5;
        for (int e = 0; e < k; e++) {
            straight.epoch(e);
        }
        NcaTrainer.State atK = straight.state();
        double[] lossesStraight = new double[n];
        for (int e = k; e < n; e++) {
            lossesStraight[e] = straight.epoch(e).loss();
        }
        NcaTrainer resumed = NcaTrainer.resume(roundTrip(atK), NcaConfig.SEED, disc, recipe, NcaEngine.Kind.FUSED, 4);
        double[] lossesResumed = new double[n];
        for (int e = k; e < n; e++) {
            lossesResumed[e] = resumed.epoch(e).loss();
        }
        assertArrayEquals(lossesStraight, lossesResumed);
        for (String name : NcaParameters.NAMES) {
            assertArrayEquals(straight.parameters().values(name), resumed.parameters().values(name), name);
        }
        assertEquals(straight.state().pool().floats().length, resumed.state().pool().floats().length);
        assertArrayEquals(straight.state().pool().floats(), resumed.state().pool().floats(), "the pool");
    }

    @Test
    void advectionTrainerResumesBitIdentically() throws Exception {
        Arena arena = new Arena(16, 16, 10, 1, 30);
        AdvectionRecipe recipe = new AdvectionRecipe(6, 2, 2, 3, 2e-3, 1, 5, 1.0, 0.5, 0.1, 1);
        AdvectionTrainer straight = trainer(arena, recipe);
        int k = 2;
        int n = 4;
        for (int i = 0; i < k; i++) {
            straight.iterate(i);
        }
        AdvectionTrainer.State atK = straight.state();
        double[] lossesStraight = new double[n];
        for (int i = k; i < n; i++) {
            lossesStraight[i] = straight.iterate(i).loss();
        }
        AdvectionTrainer resumed = trainer(arena, recipe);
        resumed.restore(roundTrip(atK));
        double[] lossesResumed = new double[n];
        for (int i = k; i < n; i++) {
            lossesResumed[i] = resumed.iterate(i).loss();
        }
        assertArrayEquals(lossesStraight, lossesResumed);
        assertArrayEquals(straight.nca().parameters().values(), resumed.nca().parameters().values());
        for (int i = 0; i < straight.pool().size(); i++) {
            assertArrayEquals(straight.pool().state(i), resumed.pool().state(i), "pool sample " + i);
        }
    }

    private static AdvectionTrainer trainer(Arena arena, AdvectionRecipe recipe) {
        return new AdvectionTrainer(arena, recipe, TransportSettings.SEED, Architecture.SEED, DataType.FLOAT, 7);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T roundTrip(T state) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
