package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

/**
 * Gradient conditioning ({@link TrainingRecipe.GradientMode}) followed by torch.optim.Adam over all
 * parameters as one flat vector (β₁ 0.9, β₂ 0.999, ε 1e-8), with the recipe's learning-rate schedule.
 * Written out rather than ND4J's {@link org.nd4j.linalg.learning.AdamUpdater} because that adds ε to
 * the uncorrected √v — ε/√(1−β₂ᵗ) in PyTorch's terms, 32× larger at the first step — which
 * made the replay of a PyTorch run ({@code ReplayAgainstPyTorchTest}) drift from the second epoch.
 */
final class NcaOptimiser {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final NcaParameters parameters;
    private final TrainingRecipe recipe;
    private final INDArray m;
    private final INDArray v;
    private int iteration;

    NcaOptimiser(NcaParameters parameters, TrainingRecipe recipe) {
        this.parameters = parameters;
        this.recipe = recipe;
        long n = parameters.config().parameterCount();
        m = Nd4j.zeros(DataType.DOUBLE, 1, n);
        v = Nd4j.zeros(DataType.DOUBLE, 1, n);
    }

    /** Applies one update in place; returns the global gradient norm before conditioning. */
    double step(Map<String, INDArray> gradients) {
        INDArray[] parts = new INDArray[NcaParameters.NAMES.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = gradients.get(NcaParameters.NAMES.get(i)).castTo(DataType.DOUBLE);
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
        double lr = recipe.learningRate(iteration);
        iteration++;
        m.muli(BETA1).addi(flat.mul(1 - BETA1));
        v.muli(BETA2).addi(flat.mul(flat).muli(1 - BETA2));
        double corrected1 = 1 - Math.pow(BETA1, iteration);
        double corrected2 = 1 - Math.pow(BETA2, iteration);
        INDArray denominator = Transforms.sqrt(v, true).divi(Math.sqrt(corrected2)).addi(EPSILON);
        INDArray update = m.div(denominator).muli(lr / corrected1);
        forEachVariable(update, (name, u) -> {
            INDArray p = parameters.get(name);
            p.subi(u.reshape(p.shape()).castTo(p.dataType()));
        });
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
