package io.morphospark.models.nca.advection;

import io.morphospark.models.optim.Adam;

/** optax.chain(clip_by_global_norm(maxNorm), adam(schedule)) over a flat parameter vector. */
public final class ClippedAdam {
    private final WarmupCosineSchedule schedule;
    private final double maxNorm;
    private final Adam adam;
    private int step;

    /** Adam's moments and step count, and the schedule's position. */
    public record State(Adam adam, int step) implements java.io.Serializable {
    }

    public ClippedAdam(int size, WarmupCosineSchedule schedule, double maxNorm) {
        this(new Adam(size, schedule.at(0)), schedule, maxNorm, 0);
    }

    /** Continues from a {@link #state()} (copied, so the state stays as it was). */
    public ClippedAdam(WarmupCosineSchedule schedule, double maxNorm, State state) {
        this(state.adam().copy(), schedule, maxNorm, state.step());
    }

    private ClippedAdam(Adam adam, WarmupCosineSchedule schedule, double maxNorm, int step) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("gradient clip norm must be positive, got " + maxNorm);
        }
        this.schedule = schedule;
        this.maxNorm = maxNorm;
        this.adam = adam;
        this.step = step;
    }

    /** A copy of the state, unaffected by later steps. */
    public State state() {
        return new State(adam.copy(), step);
    }

    /** Updates {@code parameters} in place; returns the gradient's norm before clipping. */
    public double apply(double[] parameters, double[] gradient) {
        double sq = 0;
        for (double g : gradient) {
            sq += g * g;
        }
        double norm = Math.sqrt(sq);
        double scale = norm > maxNorm ? maxNorm / norm : 1;
        double[] clipped = new double[gradient.length];
        for (int i = 0; i < gradient.length; i++) {
            clipped[i] = gradient[i] * scale;
        }
        double[] update = adam.step(clipped, schedule.at(step++));
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] -= update[i];
        }
        return norm;
    }

    public double learningRate() {
        return schedule.at(step);
    }
}
