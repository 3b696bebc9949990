package io.morphospark.models.nca.cpu;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of grids channel-major with a zero border: cell (b, c, y, x) lives at
 * {@code row(b, c, y) + x + 1}. The border makes the 3×3 stencils branch-free ("zero padding"), and
 * rows are padded to a whole number of SIMD vector pairs ({@link #vectorWidth}) so kernels never
 * need a scalar tail; the padding columns stay zero.
 *
 * <p>Per-cell masks (fire, alive) are planes without border: (b, y, x) at {@code mask(b, y) + x}.
 */
record GridLayout(int batch, int channels, int height, int width) {
    GridLayout {
        if (batch < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("empty grid " + batch + "x" + height + "x" + width + "x" + channels);
        }
    }

    static GridLayout of(INDArray nhwc) {
        return new GridLayout((int) nhwc.size(0), (int) nhwc.size(3), (int) nhwc.size(1), (int) nhwc.size(2));
    }

    GridLayout withChannels(int c) {
        return new GridLayout(batch, c, height, width);
    }

    /** Cells per row as the kernels see it: the width rounded up to two SIMD vectors. */
    int vectorWidth() {
        return RowKernels.roundUp(width, 2 * RowKernels.LANES);
    }

    int rowStride() {
        return vectorWidth() + 2;
    }

    int size() {
        return batch * channels * (height + 2) * rowStride();
    }

    /** Index of the left border cell of row y of channel c of sample b. */
    int row(int b, int c, int y) {
        return ((b * channels + c) * (height + 2) + y + 1) * rowStride();
    }

    int maskSize() {
        return batch * height * vectorWidth();
    }

    int mask(int b, int y) {
        return (b * height + y) * vectorWidth();
    }

    float[] fromNhwc(INDArray nhwc) {
        float[] src = nhwc.dup('c').data().asFloat();
        float[] grid = new float[size()];
        for (int b = 0, k = 0; b < batch; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        grid[row(b, c, y) + x + 1] = src[k++];
                    }
                }
            }
        }
        return grid;
    }

    INDArray toNhwc(float[] grid, DataType type) {
        float[] dst = new float[batch * height * width * channels];
        for (int b = 0, k = 0; b < batch; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        dst[k++] = grid[row(b, c, y) + x + 1];
                    }
                }
            }
        }
        return Nd4j.create(dst, new long[] {batch, height, width, channels}, 'c').castTo(type);
    }

    /** A mask from flat [batch, height, width] values (as a FireMask draws them). */
    float[] maskFrom(float[] bhw) {
        float[] m = new float[maskSize()];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(bhw, (b * height + y) * width, m, mask(b, y), width);
            }
        }
        return m;
    }

    INDArray maskToNhwc(float[] m, DataType type) {
        float[] dst = new float[batch * height * width];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(m, mask(b, y), dst, (b * height + y) * width, width);
            }
        }
        return Nd4j.create(dst, new long[] {batch, height, width, 1}, 'c').castTo(type);
    }
}
