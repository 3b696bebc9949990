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

    /**
     * NHWC state [B, H, W, C] → features [B, H, W, 3C]. Mathematically a depthwise 3×3 convolution;
     * expressed as a dense C → 3C convolution with block-diagonal weights because libnd4j's
     * depthwise_conv2d (M2.1, CPU) took ≈3× longer than conv2d on the 4×64×64×16 batch
     * (145–157 ms against 41–63 ms here), despite doing 1/16 of the arithmetic.
     */
    public static SDVariable apply(SameDiff sd, SDVariable state, int channels, DataType type) {
        SDVariable weights = sd.constant("perception_kernel", blockDiagonalWeights(channels, type));
        Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d("perception", state, weights, conv);
    }

    /** Weights [kH, kW, channels, 3·channels]: output 3c + f sees only input channel c, through filter f. */
    static INDArray blockDiagonalWeights(int channels, DataType type) {
        int out = FILTERS * channels;
        double[] w = new double[9 * channels * out];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < channels; c++) {
                    for (int f = 0; f < FILTERS; f++) {
                        w[((y * 3 + x) * channels + c) * out + FILTERS * c + f] = KERNELS[f][y][x];
                    }
                }
            }
        }
        return Nd4j.create(w, new long[] {3, 3, channels, out}, DataType.DOUBLE).castTo(type);
    }
}
