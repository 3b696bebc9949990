package io.morphospark.models.nca.advection;

/**
 * The seed's loss on a batch's final states: mass MSE against the target, plus
 * {@code velocityWeight} × the velocity-alignment loss, mean over cells of
 * (mass + 0.1)·|v − target velocity|² (weighted toward where there is mass to move, a little everywhere).
 */
public final class AdvectionLoss {
    private final double velocityWeight;

    public AdvectionLoss(double velocityWeight) {
        this.velocityWeight = velocityWeight;
    }

    public record Value(double total, double mass, double velocity) {
    }

    /** The loss, averaged over samples and cells; fills {@code gradient} (same shapes as states) when it is not null. */
    public Value evaluate(double[][] states, double[][] goals, double[][] gradient) {
        int cells = states[0].length / Channels.COUNT;
        double n = (double) states.length * cells;
        double massSum = 0;
        double velocitySum = 0;
        for (int b = 0; b < states.length; b++) {
            double[] s = states[b];
            double[] g = goals[b];
            double[] grad = gradient == null ? null : (gradient[b] = new double[s.length]);
            for (int i = 0; i < cells; i++) {
                int k = i * Channels.COUNT;
                int q = i * Channels.GOAL;
                double m = s[k + Channels.MASS];
                double dm = m - g[q + Channels.GOAL_MASS];
                double dvx = s[k + Channels.VX] - g[q + Channels.GOAL_VX];
                double dvy = s[k + Channels.VY] - g[q + Channels.GOAL_VY];
                double misalignment = dvx * dvx + dvy * dvy;
                massSum += dm * dm;
                velocitySum += (m + 0.1) * misalignment;
                if (grad != null) {
                    grad[k + Channels.MASS] = (2 * dm + velocityWeight * misalignment) / n;
                    grad[k + Channels.VX] = velocityWeight * (m + 0.1) * 2 * dvx / n;
                    grad[k + Channels.VY] = velocityWeight * (m + 0.1) * 2 * dvy / n;
                }
            }
        }
        double mass = massSum / n;
        double velocity = velocitySum / n;
        return new Value(mass + velocityWeight * velocity, mass, velocity);
    }

    /** Mass MSE of one state against one target mass field. */
    public static double massMse(double[] state, double[] target) {
        double s = 0;
        for (int i = 0; i < target.length; i++) {
            double d = state[i * Channels.COUNT + Channels.MASS] - target[i];
            s += d * d;
        }
        return s / target.length;
    }
}
