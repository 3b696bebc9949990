package io.morphospark.models.regulatory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Information-theoretic utility of the patterns of one parameter set (REFERENCE.md §1), in bits:
 * {@code U = S_pat − S_rep}, high when cells take diverse fates but replicates agree.
 */
public final class PatternUtility {
    private PatternUtility() {
    }

    public record Result(double patternEntropy, double replicateEntropy) {
        public double utility() {
            return patternEntropy - replicateEntropy;
        }
    }

    /** Hard utility over binary fates, {@code fates[r * cells + i]}. */
    public static Result hard(byte[] fates, int replicates, int cells) {
        checkShape(fates.length, replicates, cells);
        long ones = 0;
        Map<String, Integer> counts = new TreeMap<>();
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < cells; i++) {
                ones += fates[r * cells + i];
            }
            counts.merge(new String(fates, r * cells, cells, StandardCharsets.ISO_8859_1), 1, Integer::sum);
        }
        double sPat = binaryEntropy((double) ones / ((long) replicates * cells));
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / replicates;
            h -= p * log2(p);
        }
        return new Result(sPat, h / cells);
    }

    /**
     * Soft utility: S_rep from a Gaussian kernel density estimate over the replicates' patterns
     * {@code z[r * cells + i]} with the given bandwidth; equals the hard value on binary patterns.
     */
    public static Result soft(float[] z, int replicates, int cells, double bandwidth) {
        checkShape(z.length, replicates, cells);
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidth);
        }
        double mean = 0;
        for (float v : z) {
            mean += v;
        }
        double sPat = binaryEntropy(mean / z.length);
        double scale = 1.0 / (2 * bandwidth * bandwidth);
        double sumLog = 0;
        for (int r = 0; r < replicates; r++) {
            double density = 0;
            for (int q = 0; q < replicates; q++) {
                double d2 = 0;
                for (int i = 0; i < cells; i++) {
                    double d = z[r * cells + i] - z[q * cells + i];
                    d2 += d * d;
                }
                density += Math.exp(-d2 * scale);
            }
            sumLog += log2(density / replicates);
        }
        return new Result(sPat, -sumLog / ((double) replicates * cells));
    }

    public static double binaryEntropy(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -p * log2(p) - (1 - p) * log2(1 - p);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void checkShape(int length, int replicates, int cells) {
        if (replicates < 1 || cells < 1 || length != replicates * cells) {
            throw new IllegalArgumentException("patterns hold " + length + " values, expected " + replicates + " × " + cells);
        }
    }
}
