package io.morphospark.models.nca.advection;

/**
 * optax.chain(clip_by_global_norm(maxNorm), adam(schedule)) over a flat parameter vector:
 * β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected moments.
 */
public final class ClippedAdam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final WarmupCosineSchedule schedule;
    private final double maxNorm;
    private final double[] m;
    private final double[] v;
    private int step;

    public ClippedAdam(int size, WarmupCosineSchedule schedule, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("gradient clip norm must be positive, got " + maxNorm);
        }
        this.schedule = schedule;
        this.maxNorm = maxNorm;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Updates {@code parameters} in place; returns the gradient's norm before clipping. */
    public double apply(double[] parameters, double[] gradient) {
        double sq = 0;
        for (double g : gradient) {
            sq += g * g;
        }
        double norm = Math.sqrt(sq);
        double scale = norm > maxNorm ? maxNorm / norm : 1;
        double lr = schedule.at(step);
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i] * scale;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            parameters[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
        return norm;
    }

    public double learningRate() {
        return schedule.at(step);
    }
}
