package io.morphospark.models.nca.advection;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Pool-based training by gradient (the seed's loop): per iteration, {@code accumulation} times:
 * draw a batch from the pool and one target (a random formation rotated by up to the arena's
 * angle), run the steps, backprop the loss through time and add up the gradients; write the
 * final states back to the pool, then replace the batch's first {@code refresh} samples (random
 * pool entries) by fresh starting states. Then one clipped Adam step on the mean gradient. Every draw
 * (batch, target, angle, fire masks, noise) comes from a counter-based stream keyed by the seed,
 * so a run is a pure function of it.
 */
public final class AdvectionTrainer {
    private static final long REFRESH = 0xA1;
    private final Arena arena;
    private final AdvectionRecipe recipe;
    private final AdvectionNca nca;
    private final AdvectionPool pool;
    private final AdvectionLoss loss;
    private ClippedAdam optimizer;
    private final Rollout rollout;
    private final long seed;

    public AdvectionTrainer(Arena arena, AdvectionRecipe recipe, TransportSettings transport, Architecture architecture,
                            DataType type, long seed) {
        this.arena = arena;
        this.recipe = recipe;
        this.nca = new AdvectionNca(AdvectionParameters.initial(architecture, seed), transport, recipe.fireRate(), type);
        this.pool = AdvectionPool.create(arena, recipe.poolSize(), seed);
        this.loss = new AdvectionLoss(recipe.velocityWeight());
        this.optimizer = new ClippedAdam(architecture.parameterCount(), recipe.schedule(), recipe.clipNorm());
        this.rollout = new Rollout(nca, arena.height(), arena.width(), seed);
        this.seed = seed;
    }

    /**
     * Everything that changes while training (weights, optimiser, pool); every draw is keyed by the
     * iteration, so the next iteration is a pure function of this and a resumed run continues bit for bit.
     */
    public record State(double[] parameters, ClippedAdam.State optimiser, double[][] pool) implements java.io.Serializable {
    }

    /** A copy of the trainer's state, unaffected by later iterations. */
    public State state() {
        return new State(nca.parameters().values().clone(), optimizer.state(), pool.snapshot());
    }

    /** Continues from {@code state}, taken from a trainer built with the same arguments. */
    public void restore(State state) {
        double[] live = nca.parameters().values();
        if (state.parameters().length != live.length) {
            throw new IllegalArgumentException("state holds " + state.parameters().length + " parameters, the network "
                    + live.length);
        }
        System.arraycopy(state.parameters(), 0, live, 0, live.length);
        nca.parametersChanged();
        optimizer = new ClippedAdam(recipe.schedule(), recipe.clipNorm(), state.optimiser());
        pool.restore(state.pool());
    }

    /** One iteration's figures: losses averaged over its accumulated batches. */
    public record IterationResult(int iteration, double loss, double massLoss, double velocityLoss, double gradientNorm,
                                  double learningRate, double conservation, double millis) implements java.io.Serializable {
    }

    /** One optimisation step; {@code iteration} keys its random streams, so call with 0, 1, 2, … */
    public IterationResult iterate(int iteration) {
        long start = System.nanoTime();
        double[] grad = new double[nca.parameters().values().length];
        double total = 0;
        double mass = 0;
        double velocity = 0;
        double worstConservation = 1;
        for (int a = 0; a < recipe.accumulation(); a++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SELECTION, iteration, a);
            int[] indices = pool.sample(recipe.batch(), rng);
            Formation target = Formation.values()[rng.nextInt(Formation.values().length)];
            double angle = arena.maxRotationDegrees() == 0 ? 0
                    : rng.nextDouble(-arena.maxRotationDegrees(), arena.maxRotationDegrees());
            double[] goal = GoalSignal.of(arena.render(target, angle), arena.height(), arena.width());
            double[][] goals = new double[indices.length][];
            java.util.Arrays.fill(goals, goal);

            double[][] states = pool.gather(indices);
            long run = (long) iteration * recipe.accumulation() + a;
            List<double[][]> tape = Rollout.tape();
            double[][] last = rollout.run(states, goals, run, recipe.steps(), tape, null);
            double[][] gradLast = new double[last.length][];
            AdvectionLoss.Value value = loss.evaluate(last, goals, gradLast);
            Rollout.backward(nca, rollout, tape, goals, run, gradLast, grad);
            pool.writeBack(indices, last);
            for (int k = 0; k < recipe.refresh(); k++) {
                pool.refresh(indices[k], RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, REFRESH, iteration, a, k));
            }

            total += value.total();
            mass += value.mass();
            velocity += value.velocity();
            for (int b = 0; b < last.length; b++) {
                double ratio = Transport.total(Formations.mass(last[b])) / Transport.total(Formations.mass(states[b]));
                if (Math.abs(ratio - 1) > Math.abs(worstConservation - 1)) {
                    worstConservation = ratio;
                }
            }
        }
        int n = recipe.accumulation();
        for (int i = 0; i < grad.length; i++) {
            grad[i] /= n;
        }
        double lr = optimizer.learningRate();
        double norm = optimizer.apply(nca.parameters().values(), grad);
        nca.parametersChanged();
        return new IterationResult(iteration, total / n, mass / n, velocity / n, norm, lr, worstConservation,
                (System.nanoTime() - start) / 1e6);
    }

    public AdvectionNca nca() {
        return nca;
    }

    public AdvectionPool pool() {
        return pool;
    }
}
