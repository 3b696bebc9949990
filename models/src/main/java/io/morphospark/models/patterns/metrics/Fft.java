package io.morphospark.models.patterns.metrics;

/**
 * Small in-place complex FFT: iterative radix-2 for power-of-two lengths, a direct DFT with a
 * twiddle table for other lengths (the grids measured here are at most a few hundred cells on a
 * side, where O(n²) per line is still cheap). Enough for power spectra without a dependency.
 */
final class Fft {
    private Fft() {
    }

    /** Forward transform of (re, im), in place. */
    static void transform(double[] re, double[] im) {
        int n = re.length;
        if (Integer.bitCount(n) == 1) {
            radix2(re, im);
        } else {
            direct(re, im);
        }
    }

    /** Forward 2-D transform of a row-major {@code height × width} array, in place. */
    static void transform2d(double[] re, double[] im, int width, int height) {
        double[] r = new double[width];
        double[] i = new double[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(re, y * width, r, 0, width);
            System.arraycopy(im, y * width, i, 0, width);
            transform(r, i);
            System.arraycopy(r, 0, re, y * width, width);
            System.arraycopy(i, 0, im, y * width, width);
        }
        r = new double[height];
        i = new double[height];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                r[y] = re[y * width + x];
                i[y] = im[y * width + x];
            }
            transform(r, i);
            for (int y = 0; y < height; y++) {
                re[y * width + x] = r[y];
                im[y * width + x] = i[y];
            }
        }
    }

    private static void radix2(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int start = 0; start < n; start += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }

    static void directForTest(double[] re, double[] im) {
        direct(re, im);
    }

    private static void direct(double[] re, double[] im) {
        int n = re.length;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = -Math.sin(2 * Math.PI * k / n);
        }
        double[] outR = new double[n];
        double[] outI = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0, idx = 0; t < n; t++, idx = (idx + k) % n) {
                sr += re[t] * cos[idx] - im[t] * sin[idx];
                si += re[t] * sin[idx] + im[t] * cos[idx];
            }
            outR[k] = sr;
            outI[k] = si;
        }
        System.arraycopy(outR, 0, re, 0, n);
        System.arraycopy(outI, 0, im, 0, n);
    }
}
