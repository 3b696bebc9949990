package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Pool-based training by gradient (the seed recipe): sample a batch from the pool, run U{min..max}
 * steps, backprop the RGBA loss through time, clip, Adam; write the batch back, replace its worst
 * sample by a seed and, for regeneration, damage its best ones. Every draw (batch, step count,
 * fire masks, damage) comes from {@link TrainingDraws}, by default counter-based streams keyed by
 * (seed, purpose, epoch), so a run is a pure function of its seed.
 */
public final class NcaTrainer {
    private final NcaParameters parameters;
    private final TrainingRecipe recipe;
    private final RgbaLoss loss;
    private final StatePool pool;
    private final NcaEngine engine;
    private final NcaOptimiser optimizer;
    private final TrainingDraws draws;

    public NcaTrainer(NcaParameters parameters, Target target, TrainingRecipe recipe, NcaEngine.Kind engine, long seed) {
        this(parameters, target, recipe, engine, TrainingDraws.random(seed, recipe.fireRate()));
    }

    public NcaTrainer(NcaParameters parameters, Target target, TrainingRecipe recipe, NcaEngine.Kind engine,
                      TrainingDraws draws) {
        this(parameters, target, recipe, engine, draws, null);
    }

    /**
     * Everything that changes while training (parameters, optimiser, pool); with the epoch index
     * that keys the draws, the next epoch is a pure function of it, so a resumed run continues
     * bit for bit.
     */
    public record State(NcaParameters.Values parameters, NcaOptimiser.State optimiser, StatePool.Snapshot pool)
            implements java.io.Serializable {
    }

    /** A copy of the trainer's state, unaffected by later epochs. */
    public State state() {
        return new State(parameters.snapshot(), optimizer.state(), pool.snapshot());
    }

    /** A trainer that continues from {@code state} (taken from a trainer with this config, target and recipe). */
    public static NcaTrainer resume(State state, NcaConfig config, Target target, TrainingRecipe recipe,
                                    NcaEngine.Kind engine, long seed) {
        NcaTrainer t = new NcaTrainer(NcaParameters.of(config, state.parameters()), target, recipe, engine,
                TrainingDraws.random(seed, recipe.fireRate()), state.optimiser());
        t.pool.restore(state.pool());
        return t;
    }

    /** {@code optimiser} null: a fresh optimiser. */
    private NcaTrainer(NcaParameters parameters, Target target, TrainingRecipe recipe, NcaEngine.Kind engine,
                       TrainingDraws draws, NcaOptimiser.State optimiser) {
        this.parameters = parameters;
        this.recipe = recipe;
        this.loss = new RgbaLoss(target);
        this.pool = new StatePool(parameters.config(), recipe.poolSize(), target.height(), target.width(),
                parameters.dataType());
        this.engine = NcaEngine.create(engine, parameters, draws.fireMask(), true);
        this.optimizer = optimiser == null ? new NcaOptimiser(parameters, recipe)
                : new NcaOptimiser(parameters, recipe, optimiser);
        this.draws = draws;
    }

    public record EpochResult(int epoch, double loss, int steps, double gradientNorm, double millis)
            implements java.io.Serializable {
    }

    /** One optimisation step; {@code epoch} keys its random streams, so call with 0, 1, 2, … */
    public EpochResult epoch(int epoch) {
        long start = System.nanoTime();
        TrainingDraws.Epoch draw = draws.epoch(epoch, pool.size(), recipe);
        int[] indices = draw.batch();
        int steps = draw.steps();

        INDArray batch = pool.gather(indices);
        if (recipe.reseed() == TrainingRecipe.Reseed.BEFORE) {
            plantSeedAndDamage(batch, loss.perSample(batch), epoch);
        }
        NcaEngine.Rollout rollout = engine.forward(batch, epoch, steps);
        INDArray last = rollout.last();
        INDArray[] upstream = new INDArray[1];
        double[] losses = loss.withGradient(last, upstream);
        Map<String, INDArray> grads = engine.backward(rollout, upstream[0]);
        double norm = optimizer.step(grads);
        engine.parametersChanged();

        pool.writeBack(indices, last);
        if (recipe.reseed() == TrainingRecipe.Reseed.AFTER) {
            int[] order = ascending(losses);
            pool.reseed(indices[order[order.length - 1]]);
            damageBest(order, i -> pool.sample(indices[i]), epoch);
        }
        return new EpochResult(epoch, RgbaLoss.mean(losses), steps, norm, (System.nanoTime() - start) / 1e6);
    }

    /** Distill's batch preparation: the worst sample becomes a seed, the best ones are damaged. */
    private void plantSeedAndDamage(INDArray batch, double[] losses, int epoch) {
        int[] order = ascending(losses);
        batch.get(NDArrayIndex.point(order[order.length - 1])).assign(pool.seed());
        damageBest(order, i -> batch.get(NDArrayIndex.point(i)), epoch);
    }

    /** In regeneration training, a random disc of damage in each of the {@code damaged} best samples. */
    private void damageBest(int[] ascendingLoss, IntFunction<INDArray> sample, int epoch) {
        if (recipe.regeneration()) {
            SplittableRandom damage = draws.damage(epoch);
            for (int i = 0; i < recipe.damaged(); i++) {
                Damage.randomDisc(sample.apply(ascendingLoss[i]), damage);
            }
        }
    }

    public NcaParameters parameters() {
        return parameters;
    }

    /** The sample pool, for tests. */
    StatePool pool() {
        return pool;
    }

    private static int[] ascending(double[] v) {
        return java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Double.compare(v[a], v[b])).mapToInt(Integer::intValue).toArray();
    }
}
