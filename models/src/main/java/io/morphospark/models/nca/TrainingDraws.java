package io.morphospark.models.nca;

import io.morphospark.models.random.DistinctIndices;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * Every random choice of pool-based training: which pool samples form an epoch's batch, how many
 * steps it runs, which cells fire at each step, and where damage lands. {@link #random} keys them
 * all by (seed, purpose, epoch), so a run is a pure function of its seed; the PyTorch calibration
 * test replays another implementation's recorded choices through the same trainer.
 */
public interface TrainingDraws {
    /** An epoch's batch (distinct pool indices, so the write-back is unambiguous) and step count. */
    record Epoch(int[] batch, int steps) {
    }

    Epoch epoch(int epoch, int poolSize, TrainingRecipe recipe);

    /** Fire masks; run r of the trainer is epoch r. */
    FireMask fireMask();

    /** Where epoch {@code epoch}'s damage (regeneration training) lands. */
    SplittableRandom damage(int epoch);

    static TrainingDraws random(long seed, double fireRate) {
        FireMask masks = FireMask.random(fireRate, seed);
        return new TrainingDraws() {
            @Override
            public Epoch epoch(int epoch, int poolSize, TrainingRecipe recipe) {
                SplittableRandom rng = RandomStreams.stream(seed, Purpose.SELECTION, epoch);
                int[] batch = DistinctIndices.draw(poolSize, recipe.batch(), rng);
                return new Epoch(batch, recipe.minSteps() + rng.nextInt(recipe.maxSteps() - recipe.minSteps() + 1));
            }

            @Override
            public FireMask fireMask() {
                return masks;
            }

            @Override
            public SplittableRandom damage(int epoch) {
                return RandomStreams.stream(seed, Purpose.PERTURBATION, epoch);
            }
        };
    }
}
