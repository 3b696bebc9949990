package io.morphospark.models.nca;

import io.morphospark.models.optim.Adam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

/**
 * Gradient conditioning ({@link TrainingRecipe.GradientMode}) followed by torch.optim.Adam over all
 * parameters as one flat vector, with the recipe's learning-rate schedule.
 */
final class NcaOptimiser {
    private final NcaParameters parameters;
    private final TrainingRecipe recipe;
    private final Adam adam;
    private int iteration;

    /** Adam's moments and step count, and the schedule's position (the updates applied so far). */
    record State(Adam adam, int iteration) implements java.io.Serializable {
    }

    NcaOptimiser(NcaParameters parameters, TrainingRecipe recipe) {
        this(parameters, recipe, new State(new Adam(parameters.config().parameterCount(), recipe.learningRate()), 0));
    }

    /** Continues from a {@link #state()}; the state's Adam is copied, so the state stays as it was. */
    NcaOptimiser(NcaParameters parameters, TrainingRecipe recipe, State state) {
        this.parameters = parameters;
        this.recipe = recipe;
        this.adam = state.adam().copy();
        this.iteration = state.iteration();
    }

    /** A copy of the optimiser's state, unaffected by later steps. */
    State state() {
        return new State(adam.copy(), iteration);
    }

    /** Applies one update in place; returns the global gradient norm before conditioning. */
    double step(Map<String, INDArray> gradients) {
        double[][] parts = new double[NcaParameters.NAMES.size()][];
        double sumSquares = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = gradients.get(NcaParameters.NAMES.get(i)).dup('c').data().asDouble();
            sumSquares += sumOfSquares(parts[i]);
        }
        double norm = Math.sqrt(sumSquares);
        double clip = norm > recipe.clipNorm() ? recipe.clipNorm() / (norm + 1e-6) : 1; // torch clip_grad_norm_
        for (double[] part : parts) {
            double scale = recipe.gradient() == TrainingRecipe.GradientMode.CLIP
                    ? clip
                    : 1 / (Math.sqrt(sumOfSquares(part)) + 1e-8); // Distill: each variable to unit norm
            for (int k = 0; k < part.length; k++) {
                part[k] *= scale;
            }
        }
        double[] update = adam.step(concat(parts), recipe.learningRate(iteration++));
        int offset = 0;
        for (String name : NcaParameters.NAMES) {
            INDArray p = parameters.get(name);
            double[] values = parameters.values(name);
            for (int k = 0; k < values.length; k++) {
                values[k] -= update[offset + k];
            }
            p.assign(Nd4j.create(values, p.shape(), p.dataType()));
            offset += values.length;
        }
        return norm;
    }

    private static double sumOfSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    private static double[] concat(double[][] parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}
