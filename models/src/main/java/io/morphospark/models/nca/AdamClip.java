package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

/**
 * torch.nn.utils.clip_grad_norm_ followed by torch.optim.Adam, over all parameters as one flat
 * vector: ND4J's {@link AdamUpdater} (same β₁ 0.9, β₂ 0.999, ε 1e-8 and bias correction as PyTorch).
 */
final class AdamClip {
    private final NcaParameters parameters;
    private final double maxNorm;
    private final AdamUpdater adam;
    private int iteration;

    AdamClip(NcaParameters parameters, double learningRate, double maxNorm) {
        this.parameters = parameters;
        this.maxNorm = maxNorm;
        long n = parameters.config().parameterCount();
        Adam config = new Adam(learningRate);
        adam = new AdamUpdater(config);
        INDArray state = Nd4j.zeros(parameters.dataType(), 1, config.stateSize(n));
        adam.setStateViewArray(state, new long[] {1, n}, 'c', true);
    }

    /** Applies one update in place; returns the gradient norm before clipping. */
    double step(Map<String, INDArray> gradients) {
        INDArray[] parts = new INDArray[NcaParameters.NAMES.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = gradients.get(NcaParameters.NAMES.get(i));
        }
        INDArray flat = Nd4j.toFlattened('c', parts).reshape(1, parameters.config().parameterCount());
        double norm = flat.norm2Number().doubleValue();
        if (norm > maxNorm) {
            flat.muli(maxNorm / (norm + 1e-6));
        }
        adam.applyUpdater(flat, iteration++, 0); // flat now holds the update
        long offset = 0;
        for (String name : NcaParameters.NAMES) {
            INDArray p = parameters.get(name);
            p.subi(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + p.length())).reshape(p.shape()));
            offset += p.length();
        }
        return norm;
    }
}
