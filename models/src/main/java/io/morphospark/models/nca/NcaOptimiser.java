package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

/**
 * Gradient conditioning ({@link TrainingRecipe.GradientMode}) followed by torch.optim.Adam over all
 * parameters as one flat vector: ND4J's {@link AdamUpdater} (same β₁ 0.9, β₂ 0.999, ε 1e-8 and bias
 * correction as PyTorch), with the recipe's learning-rate schedule.
 */
final class NcaOptimiser {
    private final NcaParameters parameters;
    private final TrainingRecipe recipe;
    private final Adam config;
    private final AdamUpdater adam;
    private int iteration;

    NcaOptimiser(NcaParameters parameters, TrainingRecipe recipe) {
        this.parameters = parameters;
        this.recipe = recipe;
        long n = parameters.config().parameterCount();
        config = new Adam(recipe.learningRate());
        adam = new AdamUpdater(config);
        INDArray state = Nd4j.zeros(parameters.dataType(), 1, config.stateSize(n));
        adam.setStateViewArray(state, new long[] {1, n}, 'c', true);
    }

    /** Applies one update in place; returns the global gradient norm before conditioning. */
    double step(Map<String, INDArray> gradients) {
        INDArray[] parts = new INDArray[NcaParameters.NAMES.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = gradients.get(NcaParameters.NAMES.get(i));
        }
        INDArray flat = Nd4j.toFlattened('c', parts).reshape(1, parameters.config().parameterCount());
        double norm = flat.norm2Number().doubleValue();
        if (recipe.gradient() == TrainingRecipe.GradientMode.CLIP) {
            if (norm > recipe.clipNorm()) {
                flat.muli(recipe.clipNorm() / (norm + 1e-6));
            }
        } else {
            forEachVariable(flat, (name, part) -> part.divi(part.norm2Number().doubleValue() + 1e-8));
        }
        config.setLearningRate(recipe.learningRate(iteration));
        adam.applyUpdater(flat, iteration++, 0); // flat now holds the update
        forEachVariable(flat, (name, update) -> parameters.get(name).subi(update.reshape(parameters.get(name).shape())));
        return norm;
    }

    /** Calls {@code action} with each parameter's slice (a view) of a flat vector, in NAMES order. */
    private void forEachVariable(INDArray flat, java.util.function.BiConsumer<String, INDArray> action) {
        long offset = 0;
        for (String name : NcaParameters.NAMES) {
            long length = parameters.get(name).length();
            action.accept(name, flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + length)));
            offset += length;
        }
    }
}
