package io.morphospark.models.patterns.metrics;

/** Periodic (2r+1)² box mean, separable, by running sums: O(cells) whatever the radius. */
final class BoxFilter {
    private BoxFilter() {
    }

    static void apply(double[] a, int width, int height, int radius) {
        double[] line = new double[Math.max(width, height)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                line[x] = a[y * width + x];
            }
            smooth(line, width, radius, a, y * width, 1);
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = a[y * width + x];
            }
            smooth(line, height, radius, a, x, width);
        }
    }

    private static void smooth(double[] line, int n, int radius, double[] out, int start, int step) {
        int r = Math.min(radius, (n - 1) / 2);
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            sum += line[Math.floorMod(k, n)];
        }
        double scale = 1.0 / (2 * r + 1);
        for (int i = 0; i < n; i++) {
            out[start + i * step] = sum * scale;
            sum += line[Math.floorMod(i + r + 1, n)] - line[Math.floorMod(i - r, n)];
        }
    }
}
