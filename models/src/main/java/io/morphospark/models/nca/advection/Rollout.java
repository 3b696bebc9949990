package io.morphospark.models.nca.advection;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a step function for a number of steps, drawing each step's randomness from the stream
 * (seed, run, step); keeps every step's input when asked, for backprop through time.
 */
public final class Rollout {
    /** Sees the batch after {@code step} steps (0 = the start). */
    @FunctionalInterface
    public interface Observer {
        void frame(int step, double[][] states);
    }

    private final StepFunction function;
    private final int height;
    private final int width;
    private final long seed;

    public Rollout(StepFunction function, int height, int width, long seed) {
        this.function = function;
        this.height = height;
        this.width = width;
        this.seed = seed;
    }

    public StepDraws draws(long run, int step, int batch) {
        return StepDraws.draw(seed, run, step, batch, height * width, function.fireRate(), function.transport().velocityNoise());
    }

    /** The states after {@code steps} steps; {@code inputs}, when not null, receives each step's input batch. */
    public double[][] run(double[][] start, double[][] goals, long run, int steps, List<double[][]> inputs, Observer observer) {
        double[][] x = start;
        if (observer != null) {
            observer.frame(0, x);
        }
        for (int t = 0; t < steps; t++) {
            if (inputs != null) {
                inputs.add(x);
            }
            x = function.step(x, goals, height, width, draws(run, t, x.length));
            if (observer != null) {
                observer.frame(t + 1, x);
            }
        }
        return x;
    }

    /** Backprop through time for the NCA: ∂L/∂parameters (added into gradParameters) given ∂L/∂(final states). */
    public static double[][] backward(AdvectionNca nca, Rollout rollout, List<double[][]> inputs, double[][] goals, long run,
                                      double[][] gradFinal, double[] gradParameters) {
        double[][] g = gradFinal;
        for (int t = inputs.size() - 1; t >= 0; t--) {
            double[][] x = inputs.get(t);
            g = nca.backward(x, goals, rollout.height, rollout.width, rollout.draws(run, t, x.length), g, gradParameters);
        }
        return g;
    }

    public static List<double[][]> tape() {
        return new ArrayList<>();
    }
}
