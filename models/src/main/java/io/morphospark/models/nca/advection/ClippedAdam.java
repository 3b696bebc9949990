package io.morphospark.models.nca.advection;

import io.morphospark.models.optim.Adam;

/** optax.chain(clip_by_global_norm(maxNorm), adam(schedule)) over a flat parameter vector. */
public final class ClippedAdam {
    private final WarmupCosineSchedule schedule;
    private final double maxNorm;
    private final Adam adam;
    private int step;

    public ClippedAdam(int size, WarmupCosineSchedule schedule, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("gradient clip norm must be positive, got " + maxNorm);
        }
        this.schedule = schedule;
        this.maxNorm = maxNorm;
        this.adam = new Adam(size, schedule.at(0));
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
