package io.morphospark.models.patterns.metrics;

/**
 * Fraction of edge-adjacent (rook) cell pairs on a torus whose binary values differ: 0 for a
 * uniform field, about 2p(1−p) for independent noise, small for a few large domains, 1 for a
 * checkerboard. Per pair, so comparable across grid sizes.
 */
public final class InterfaceLength {
    private InterfaceLength() {
    }

    public static double of(byte[] b, int width, int height) {
        long unlike = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int below = ((y + 1) % height) * width;
            for (int x = 0; x < width; x++) {
                int right = x + 1 == width ? 0 : x + 1;
                byte c = b[row + x];
                unlike += (c != b[row + right] ? 1 : 0) + (c != b[below + x] ? 1 : 0);
            }
        }
        return unlike / (2.0 * width * height);
    }
}
