package io.morphospark.models.nca.advection;

import io.morphospark.models.nca.Perception;

/**
 * A cell's network input: for each of the 16 state channels its value and its Sobel-x/8 and
 * Sobel-y/8 gradients (feature 3c + f, zero outside the grid, the growing NCA's perception),
 * then the 4 goal channels.
 */
final class CellPerception {
    private CellPerception() {
    }

    /** Writes the features of every cell of one grid into {@code out} from {@code offset}. */
    static void features(double[] state, double[] goal, int height, int width, double[] out, int offset) {
        int f = Architecture.FEATURES;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = y * width + x;
                int base = offset + cell * f;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= width) {
                            continue;
                        }
                        double kx = Perception.kernel(1, dy, dx);
                        double ky = Perception.kernel(2, dy, dx);
                        int nb = (yy * width + xx) * Channels.COUNT;
                        boolean centre = dy == 0 && dx == 0;
                        for (int c = 0; c < Channels.COUNT; c++) {
                            double v = state[nb + c];
                            if (centre) {
                                out[base + 3 * c] = v;
                            }
                            out[base + 3 * c + 1] += kx * v;
                            out[base + 3 * c + 2] += ky * v;
                        }
                    }
                }
                System.arraycopy(goal, cell * Channels.GOAL, out, base + Architecture.PERCEPTION, Channels.GOAL);
            }
        }
    }

    /** The transpose: adds ∂L/∂state of one grid, given ∂L/∂features from {@code offset}. */
    static void backward(double[] gradFeatures, int offset, int height, int width, double[] gradState) {
        int f = Architecture.FEATURES;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = offset + (y * width + x) * f;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= width) {
                            continue;
                        }
                        double kx = Perception.kernel(1, dy, dx);
                        double ky = Perception.kernel(2, dy, dx);
                        int nb = (yy * width + xx) * Channels.COUNT;
                        boolean centre = dy == 0 && dx == 0;
                        for (int c = 0; c < Channels.COUNT; c++) {
                            double g = kx * gradFeatures[base + 3 * c + 1] + ky * gradFeatures[base + 3 * c + 2];
                            if (centre) {
                                g += gradFeatures[base + 3 * c];
                            }
                            gradState[nb + c] += g;
                        }
                    }
                }
            }
        }
    }
}
