package io.morphospark.models.agents.metrics;

import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.patterns.Frame;

/**
 * The standard measures of an agent world.
 * <ul>
 *   <li>Vicsek polar order φ = |(1/N) Σ ĥ_j| over the agents' unit headings: ≈ 1/√N for random
 *       headings, 1 when all agree.</li>
 *   <li>Homotypic-neighbour fraction f = Σ same-type neighbours / Σ neighbours (within R),
 *       normalised as (f − f₀)/(1 − f₀) with f₀ = Σ_t N_t(N_t − 1)/(N(N − 1)) its value under
 *       random mixing: 0 mixed, 1 fully separated.</li>
 *   <li>Heterotypic boundary length (Graner &amp; Glazier 1992) on the type raster: rook-adjacent
 *       pixel pairs of two different types, over its expectation when the occupied pixels' types
 *       are shuffled (E_occ · (1 − Σ q_t²)): 1 mixed, → 0 as domains coarsen.</li>
 * </ul>
 */
public final class AgentMetrics {
    private AgentMetrics() {
    }

    public static double polarOrder(AgentWorld w) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < w.size(); i++) {
            sx += w.headingX(i);
            sy += w.headingY(i);
        }
        return Math.hypot(sx, sy) / w.size();
    }

    /** Normalised homotypic fraction from the last neighbour pass (0 when nobody has a neighbour). */
    public static double homotypic(AgentWorld w) {
        long[] c = w.contacts();
        if (c[0] == 0) {
            return 0;
        }
        int types = w.settings().types();
        long[] counts = new long[types];
        for (int i = 0; i < w.size(); i++) {
            counts[w.type(i)]++;
        }
        double n = w.size();
        double random = 0;
        for (long k : counts) {
            random += k * (k - 1.0);
        }
        random /= n * (n - 1);
        if (random >= 1) {
            return 0;
        }
        return (c[1] / (double) c[0] - random) / (1 - random);
    }

    /** Heterotypic boundary length on a type raster over its shuffled-types expectation (1 when undefined). */
    public static double boundary(Frame raster) {
        int w = raster.width();
        int h = raster.height();
        float[] v = raster.values();
        long unlike = 0;
        long occupiedPairs = 0;
        long[] counts = new long[raster.states()];
        long occupied = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = (int) v[y * w + x];
                if (c == 0) {
                    continue;
                }
                counts[c]++;
                occupied++;
                int right = (int) v[y * w + (x + 1) % w];
                int below = (int) v[((y + 1) % h) * w + x];
                if (right != 0) {
                    occupiedPairs++;
                    unlike += right != c ? 1 : 0;
                }
                if (below != 0) {
                    occupiedPairs++;
                    unlike += below != c ? 1 : 0;
                }
            }
        }
        double mixing = 1;
        for (long k : counts) {
            mixing -= (k / (double) Math.max(1, occupied)) * (k / (double) Math.max(1, occupied));
        }
        double expected = occupiedPairs * mixing;
        return expected > 0 ? unlike / expected : 1;
    }

    /** Sorting quality in [0, 1]: the mean of the normalised homotypic fraction and 1 − boundary, clamped. */
    public static double sortingScore(double homotypic, double boundary) {
        return clamp(0.5 * (homotypic + 1 - boundary));
    }

    public static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
