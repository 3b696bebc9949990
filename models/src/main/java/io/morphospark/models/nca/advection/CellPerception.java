package io.morphospark.models.nca.advection;

/**
 * A cell's network input: for each of the 16 state channels its value and its Sobel-x/8 and
 * Sobel-y/8 gradients (feature 3c + f, zero outside the grid: the growing NCA's perception,
 * {@link io.morphospark.models.nca.Perception}), then the 4 goal channels.
 *
 * <p>Computed on a copy of the grid with a one-cell zero border, so the inner loop has no bounds
 * checks (this is the hottest Java loop of training).
 */
final class CellPerception {
    private static final int C = Channels.COUNT;

    private CellPerception() {
    }

    /**
     * Writes the features of every cell of one grid into {@code out} from {@code offset}, a row of
     * {@code stride} values per cell; a value after the features is set to 1 (the bias input).
     */
    static void features(double[] state, double[] goal, int height, int width, double[] out, int offset, int stride) {
        int pw = width + 2;
        double[] p = new double[(height + 2) * pw * C];
        for (int y = 0; y < height; y++) {
            System.arraycopy(state, y * width * C, p, ((y + 1) * pw + 1) * C, width * C);
        }
        int up = -pw * C;
        int down = pw * C;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = y * width + x;
                int base = offset + cell * stride;
                int centre = ((y + 1) * pw + x + 1) * C;
                for (int c = 0; c < C; c++) {
                    int k = centre + c;
                    double left = p[k + up - C] + 2 * p[k - C] + p[k + down - C];
                    double right = p[k + up + C] + 2 * p[k + C] + p[k + down + C];
                    double top = p[k + up - C] + 2 * p[k + up] + p[k + up + C];
                    double bottom = p[k + down - C] + 2 * p[k + down] + p[k + down + C];
                    out[base + 3 * c] = p[k];
                    out[base + 3 * c + 1] = (right - left) / 8;
                    out[base + 3 * c + 2] = (bottom - top) / 8;
                }
                System.arraycopy(goal, cell * Channels.GOAL, out, base + Architecture.PERCEPTION, Channels.GOAL);
                if (stride > Architecture.FEATURES) {
                    out[base + Architecture.FEATURES] = 1;
                }
            }
        }
    }

    /** The transpose: adds ∂L/∂state of one grid, given ∂L/∂features from {@code offset}, {@code stride} per cell. */
    static void backward(double[] gradFeatures, int offset, int stride, int height, int width, double[] gradState) {
        int pw = width + 2;
        double[] p = new double[(height + 2) * pw * C];
        int up = -pw * C;
        int down = pw * C;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = offset + (y * width + x) * stride;
                int centre = ((y + 1) * pw + x + 1) * C;
                for (int c = 0; c < C; c++) {
                    int k = centre + c;
                    double gx = gradFeatures[base + 3 * c + 1] / 8;
                    double gy = gradFeatures[base + 3 * c + 2] / 8;
                    p[k] += gradFeatures[base + 3 * c];
                    p[k + up - C] += -gx - gy;
                    p[k - C] += -2 * gx;
                    p[k + down - C] += -gx + gy;
                    p[k + up + C] += gx - gy;
                    p[k + C] += 2 * gx;
                    p[k + down + C] += gx + gy;
                    p[k + up] += -2 * gy;
                    p[k + down] += 2 * gy;
                }
            }
        }
        for (int y = 0; y < height; y++) {
            int from = ((y + 1) * pw + 1) * C;
            int to = y * width * C;
            for (int i = 0; i < width * C; i++) {
                gradState[to + i] += p[from + i];
            }
        }
    }
}
