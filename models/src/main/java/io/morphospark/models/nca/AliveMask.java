package io.morphospark.models.nca;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * A cell is alive when some cell of its 3×3 neighbourhood (itself included) has alpha above 0.1;
 * dead cells are zeroed, which is what keeps growth bounded and edges sharp. The mask is piecewise
 * constant, so it carries no gradient: SameDiff's autodiff stops at the comparison.
 */
final class AliveMask {
    private AliveMask() {
    }

    /** NHWC state [B, H, W, C] → float mask [B, H, W, 1]. */
    static SDVariable of(SameDiff sd, String name, SDVariable state, DataType type) {
        SDVariable alpha = state.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
                SDIndex.interval(NcaConfig.ALPHA, NcaConfig.ALPHA + 1));
        Pooling2DConfig pool = Pooling2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME).isNHWC(true).type(Pooling2D.Pooling2DType.MAX).build();
        SDVariable neighbourhoodMax = sd.cnn().maxPooling2d(name + "_max", alpha, pool);
        return neighbourhoodMax.gt(NcaConfig.ALIVE_THRESHOLD).castTo(name, type);
    }

    /** The reference: plain loops over one NHWC grid {@code state[y][x][c]}. */
    static boolean[][] reference(double[][][] state) {
        int h = state.length;
        int w = state[0].length;
        boolean[][] alive = new boolean[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            max = Math.max(max, state[yy][xx][NcaConfig.ALPHA]);
                        }
                    }
                }
                alive[y][x] = max > NcaConfig.ALIVE_THRESHOLD;
            }
        }
        return alive;
    }
}
