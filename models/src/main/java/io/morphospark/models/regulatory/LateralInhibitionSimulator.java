package io.morphospark.models.regulatory;

import io.morphospark.models.nn.TanhMlp;
import io.morphospark.models.random.ReplicateStreams;

import java.util.SplittableRandom;

/**
 * Simulates a block of replicates of one parameter set at once (REFERENCE.md §1), in float32 like
 * the seed's JAX code. Every replicate draws its initial state and its noise from its own stream,
 * so a replicate's trajectory does not depend on which block or task simulates it.
 */
public final class LateralInhibitionSimulator {
    private final LateralInhibitionConfig config;
    private final TanhMlp network;

    public LateralInhibitionSimulator(LateralInhibitionConfig config) {
        this.config = config;
        this.network = new TanhMlp(1, config.hidden(), 1);
    }

    public TanhMlp network() {
        return network;
    }

    public LateralInhibitionConfig config() {
        return config;
    }

    /** Final states of replicates [first, first+count), row-major (replicate, cell). */
    public float[] simulate(double[] parameters, ReplicateStreams streams, int first, int count) {
        return simulate(parameters, streams, first, count, 0, null);
    }

    /**
     * As {@link #simulate(double[], ReplicateStreams, int, int)}, also handing the observer the
     * states at step 0 and every {@code stride} steps (and at the last step).
     */
    public float[] simulate(double[] parameters, ReplicateStreams streams, int first, int count,
                            int stride, TrajectoryObserver observer) {
        final int n = config.cells();
        final int m = count * n;
        final float dt = (float) config.dt();
        final float diffusion = (float) (Math.sqrt(config.dt()) * config.noise());
        final boolean fixed = config.boundary() == Boundary.FIXED;
        final float edgeWeight = config.boundary() == Boundary.ZERO_PADDED ? 0.5f : 1f;
        TanhMlp.Evaluator f = network.evaluator(parameters, m);

        float[] s = new float[m];
        float[] neighbourMean = new float[m];
        float[] drift = new float[m];
        float[] xi = new float[m];
        SplittableRandom[] rng = new SplittableRandom[count];
        float low = (float) (config.initialMean() - config.initialSpread());
        float width = (float) (2 * config.initialSpread());
        for (int r = 0; r < count; r++) {
            rng[r] = streams.replicate(first + r);
            for (int i = 0; i < n; i++) {
                s[r * n + i] = low + width * (float) rng[r].nextDouble();
            }
        }
        if (observer != null) {
            observer.frame(0, s, count, n);
        }
        for (int step = 1; step <= config.steps(); step++) {
            neighbourMeans(s, neighbourMean, count, n, edgeWeight);
            f.apply(neighbourMean, drift, m);
            for (int r = 0; r < count; r++) {
                SplittableRandom g = rng[r];
                for (int i = r * n, end = i + n; i < end; i++) {
                    xi[i] = (float) g.nextGaussian();
                }
            }
            for (int c = 0; c < m; c++) {
                s[c] = Math.min(1f, Math.max(0f, s[c] + drift[c] * dt + diffusion * xi[c]));
            }
            if (fixed) {
                for (int r = 0; r < count; r++) {
                    s[r * n] = 0f;
                    s[r * n + n - 1] = 0f;
                }
            }
            if (observer != null && (step % stride == 0 || step == config.steps())) {
                observer.frame(step, s, count, n);
            }
        }
        return s;
    }

    /**
     * s̄: interior cells average both neighbours; each edge cell takes its single neighbour times
     * {@code edgeWeight} (1 for a free boundary, ½ for a zero-padded one).
     */
    static void neighbourMeans(float[] s, float[] out, int replicates, int n, float edgeWeight) {
        for (int r = 0; r < replicates; r++) {
            int o = r * n;
            out[o] = edgeWeight * s[o + 1];
            for (int i = o + 1; i < o + n - 1; i++) {
                out[i] = 0.5f * (s[i - 1] + s[i + 1]);
            }
            out[o + n - 1] = edgeWeight * s[o + n - 2];
        }
    }

    /**
     * Fates of the cells the network controls ({@link LateralInhibitionConfig#controlledCells()}),
     * {@code fates[r * controlled + i]}: what patterns and utilities are computed over.
     */
    public byte[] controlledFates(float[] states) {
        int n = config.cells();
        int width = config.controlledCells();
        int first = config.firstControlledCell();
        int count = states.length / n;
        byte[] fates = new byte[count * width];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < width; i++) {
                fates[r * width + i] = (byte) (states[r * n + first + i] >= 0.5f ? 1 : 0);
            }
        }
        return fates;
    }

    /** Replicates (rows of {@code cells} states) with any non-finite state. */
    public static int nonFiniteReplicates(float[] states, int cells) {
        int bad = 0;
        for (int r = 0; r < states.length / cells; r++) {
            for (int i = r * cells; i < (r + 1) * cells; i++) {
                if (!Float.isFinite(states[i])) {
                    bad++;
                    break;
                }
            }
        }
        return bad;
    }

    /** Fates: 1 where the state is at least 0.5. */
    public static byte[] threshold(float[] states) {
        byte[] fates = new byte[states.length];
        for (int i = 0; i < states.length; i++) {
            fates[i] = (byte) (states[i] >= 0.5f ? 1 : 0);
        }
        return fates;
    }
}
