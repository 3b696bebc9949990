package io.morphospark.models.nca;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/** The per-cell MLP: features [B, H, W, F] → ReLU(· w1 + b1) · w2 + b2 = delta [B, H, W, C]. */
final class UpdateRule {
    private UpdateRule() {
    }

    /** Declares the four parameters as trainable SameDiff variables backed by the given arrays. */
    static SDVariable[] variables(SameDiff sd, NcaParameters p) {
        SDVariable[] v = new SDVariable[NcaParameters.NAMES.size()];
        for (int i = 0; i < v.length; i++) {
            String name = NcaParameters.NAMES.get(i);
            v[i] = sd.var(name, p.get(name));
        }
        return v;
    }

    static SDVariable apply(SameDiff sd, SDVariable features, SDVariable state, SDVariable[] p, NcaConfig config,
                            MlpForm form) {
        SDVariable w1 = p[0];
        SDVariable b1 = p[1];
        SDVariable w2 = p[2];
        SDVariable b2 = p[3];
        if (form == MlpForm.CONV1X1) {
            Conv2DConfig conv = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
            SDVariable k1 = w1.reshape(1, 1, config.features(), config.hidden());
            SDVariable k2 = w2.reshape(1, 1, config.hidden(), config.channels());
            SDVariable hidden = sd.nn().relu(sd.cnn().conv2d(features, k1, b1, conv), 0);
            return sd.cnn().conv2d("delta", hidden, k2, b2, conv);
        }
        // -1 rows and the state's own shape keep the graph independent of batch and grid size
        SDVariable rows = features.reshape(-1, config.features());
        SDVariable hidden = sd.nn().relu(rows.mmul(w1).add(b1), 0);
        return hidden.mmul(w2).add(b2).reshape("delta", state.shape());
    }
}
