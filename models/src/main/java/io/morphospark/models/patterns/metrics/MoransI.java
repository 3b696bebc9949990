package io.morphospark.models.patterns.metrics;

import io.morphospark.models.patterns.sim.Neighbourhood;

/**
 * Moran's I spatial autocorrelation with binary rook (von Neumann) or queen (Moore) weights on a
 * torus: {@code I = (N/W)·Σ_ij w_ij z_i z_j / Σ_i z_i²}, z the deviations from the mean. About
 * −1/(N−1) for independent noise, near 1 for large smooth domains, negative for checkerboards.
 * A constant field has no defined I; 0 is returned so that feature vectors stay finite.
 */
public final class MoransI {
    private MoransI() {
    }

    public static double of(float[] x, int width, int height, Neighbourhood weights) {
        int n = width * height;
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (float v : x) {
            variance += (v - mean) * (v - mean);
        }
        if (variance <= 1e-12 * n) {
            return 0;
        }
        double cross = 0;
        for (int y = 0; y < height; y++) {
            for (int xx = 0; xx < width; xx++) {
                double zi = x[y * width + xx] - mean;
                double sum = 0;
                for (int k = 0; k < weights.size(); k++) {
                    int nx = Math.floorMod(xx + weights.dx(k), width);
                    int ny = Math.floorMod(y + weights.dy(k), height);
                    sum += x[ny * width + nx] - mean;
                }
                cross += zi * sum;
            }
        }
        // W = N · (neighbours per cell) for binary weights on a torus.
        return cross / (weights.size() * variance);
    }
}
