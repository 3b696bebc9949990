package io.morphospark.models.patterns.metrics;

/**
 * Local orientation order from the structure tensor J = G_r * (∇x ∇xᵀ): gradients by central
 * differences on a torus, their products box-averaged over a (2r+1)² window, and the
 * energy-weighted mean coherence {@code Σ√((Jxx−Jyy)² + 4Jxy²) / Σ(Jxx+Jyy)}, i.e. the mean of
 * (λ₁−λ₂)/(λ₁+λ₂) weighted by λ₁+λ₂. Local rather than global, because a labyrinth of stripes is
 * strongly oriented everywhere while its orientation wanders: near 1 for stripes within a window
 * of about one wavelength, low for spots (every direction around a spot) and for noise.
 */
public final class Anisotropy {
    private Anisotropy() {
    }

    public static double coherence(float[] x, int width, int height, int radius) {
        int n = width * height;
        double[] jxx = new double[n];
        double[] jxy = new double[n];
        double[] jyy = new double[n];
        for (int y = 0; y < height; y++) {
            int up = ((y + height - 1) % height) * width;
            int down = ((y + 1) % height) * width;
            for (int xx = 0; xx < width; xx++) {
                int left = xx == 0 ? width - 1 : xx - 1;
                int right = xx == width - 1 ? 0 : xx + 1;
                double gx = 0.5 * (x[y * width + right] - x[y * width + left]);
                double gy = 0.5 * (x[down + xx] - x[up + xx]);
                int i = y * width + xx;
                jxx[i] = gx * gx;
                jxy[i] = gx * gy;
                jyy[i] = gy * gy;
            }
        }
        BoxFilter.apply(jxx, width, height, radius);
        BoxFilter.apply(jxy, width, height, radius);
        BoxFilter.apply(jyy, width, height, radius);
        double anisotropic = 0;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double d = jxx[i] - jyy[i];
            anisotropic += Math.sqrt(d * d + 4 * jxy[i] * jxy[i]);
            energy += jxx[i] + jyy[i];
        }
        return energy <= 0 ? 0 : anisotropic / energy;
    }

    /**
     * Window radius for a pattern of the given wavelength: half a wavelength, but at least 3 (a
     * 7×7 window) because on noise the spectral "peak" can be a meaningless 2–3 cells and a tiny
     * window would read random gradients as coherent; at most a quarter of the grid.
     */
    public static int radiusFor(double wavelength, int width, int height) {
        int max = Math.max(1, Math.min(width, height) / 4);
        return (int) Math.min(max, Math.max(3, Math.round(wavelength / 2)));
    }
}
