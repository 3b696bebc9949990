package io.morphospark.models.nca;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a cell sees: per channel its own value and the Sobel-x and Sobel-y gradients (kernels / 8)
 * of its 3×3 neighbourhood, zero outside the grid. Feature {@code 3·c + f} is filter f of channel c
 * (the order of a depthwise convolution with multiplier 3, and of PyTorch's grouped conv).
 */
public final class Perception {
    public static final int FILTERS = 3;

    /** KERNELS[f][dy + 1][dx + 1]: cross-correlation weights, as conv layers apply them. */
    private static final double[][][] KERNELS = {
            {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}},
            {{-1 / 8.0, 0, 1 / 8.0}, {-2 / 8.0, 0, 2 / 8.0}, {-1 / 8.0, 0, 1 / 8.0}},
            {{-1 / 8.0, -2 / 8.0, -1 / 8.0}, {0, 0, 0}, {1 / 8.0, 2 / 8.0, 1 / 8.0}},
    };

    private Perception() {
    }

    /** Weight of filter {@code f} at offset (dy, dx), each in −1..1. */
    public static double kernel(int f, int dy, int dx) {
        return KERNELS[f][dy + 1][dx + 1];
    }

    /** NHWC state [B, H, W, C] → features [B, H, W, 3C], one depthwise 3×3 convolution. */
    static SDVariable apply(SameDiff sd, SDVariable state, int channels, DataType type) {
        SDVariable weights = sd.constant("perception_kernel", depthwiseWeights(channels, type));
        Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().depthWiseConv2d("perception", state, weights, conv);
    }

    /** Depthwise weights [kH, kW, channels, 3]. */
    static INDArray depthwiseWeights(int channels, DataType type) {
        double[] w = new double[9 * channels * FILTERS];
        int i = 0;
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < channels; c++) {
                    for (int f = 0; f < FILTERS; f++) {
                        w[i++] = KERNELS[f][y][x];
                    }
                }
            }
        }
        return Nd4j.create(w, new long[] {3, 3, channels, FILTERS}, DataType.DOUBLE).castTo(type);
    }
}
