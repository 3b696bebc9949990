package io.morphospark.models.patterns.metrics;

/**
 * The characteristic length of a pattern from its radially averaged power spectrum: the power
 * |FFT(x − mean)|² is binned by radial frequency |f| = √((kx/W)² + (ky/H)²) (cycles per cell) into
 * rings one frequency step wide; the wavelength is 1/|f| at the ring with the highest mean power.
 * {@code peakShare} is the fraction of all (non-DC) power within one ring of the peak: high for a
 * pattern with one length scale (spots, stripes), low for white noise.
 */
public record DominantWavelength(double wavelength, double peakShare) {

    public static DominantWavelength of(float[] x, int width, int height) {
        int n = width * height;
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        Fft.transform2d(re, im, width, height);
        int side = Math.max(width, height);
        int rings = side / 2 + 1;
        double[] power = new double[rings];
        long[] count = new long[rings];
        double total = 0;
        for (int ky = 0; ky < height; ky++) {
            double fy = (double) (ky <= height / 2 ? ky : ky - height) / height;
            for (int kx = 0; kx < width; kx++) {
                double fx = (double) (kx <= width / 2 ? kx : kx - width) / width;
                int ring = (int) Math.round(Math.sqrt(fx * fx + fy * fy) * side);
                if (ring == 0 || ring >= rings) {
                    continue; // DC, and the corners beyond the Nyquist circle
                }
                int i = ky * width + kx;
                double p = re[i] * re[i] + im[i] * im[i];
                power[ring] += p;
                count[ring]++;
                total += p;
            }
        }
        if (total <= 0) {
            return new DominantWavelength(0, 0);
        }
        int peak = 1;
        for (int r = 2; r < rings; r++) {
            if (count[r] > 0 && power[r] / count[r] > power[peak] / Math.max(1, count[peak])) {
                peak = r;
            }
        }
        double near = 0;
        for (int r = Math.max(1, peak - 1); r <= Math.min(rings - 1, peak + 1); r++) {
            near += power[r];
        }
        return new DominantWavelength((double) side / peak, near / total);
    }
}
