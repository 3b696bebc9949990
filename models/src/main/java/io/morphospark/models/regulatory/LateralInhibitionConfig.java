package io.morphospark.models.regulatory;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The lateral-inhibition regulatory network of REFERENCE.md §1: a row of {@code cells} cells,
 * {@code ds = f(s̄)·dt + √dt·σ·ξ}, clipped to [0, 1], for {@code steps} steps.
 */
public record LateralInhibitionConfig(
        int cells,
        int replicates,
        double dt,
        int steps,
        double noise,
        double initialMean,
        double initialSpread,
        Boundary boundary,
        int[] hidden) implements Serializable {

    /** The seed notebook's configuration: N=7, R=50, dt=0.01, T=20, σ=0.1, U[0.4,0.6], hidden (8,8). */
    public static LateralInhibitionConfig seed() {
        return new LateralInhibitionConfig(7, 50, 0.01, 2000, 0.1, 0.5, 0.1, Boundary.FREE, new int[] {8, 8});
    }

    public LateralInhibitionConfig {
        hidden = hidden.clone();
        requireFinite("dt", dt);
        requireFinite("noise", noise);
        requireFinite("initial-mean", initialMean);
        requireFinite("initial-spread", initialSpread);
        if (cells < 2) {
            throw new IllegalArgumentException("cells must be at least 2, got " + cells);
        }
        if (boundary == Boundary.FIXED && cells < 3) {
            throw new IllegalArgumentException("cells must be at least 3 under a fixed boundary (the two outer cells are "
                    + "clamped to 0), got " + cells);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
        }
        if (dt <= 0) {
            throw new IllegalArgumentException("dt must be positive, got " + dt);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (noise < 0) {
            throw new IllegalArgumentException("noise must be non-negative, got " + noise);
        }
        if (initialSpread < 0 || initialMean - initialSpread < 0 || initialMean + initialSpread > 1) {
            throw new IllegalArgumentException("initial range [" + (initialMean - initialSpread) + ", "
                    + (initialMean + initialSpread) + "] must lie within [0, 1]");
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary must be free or fixed");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be at least 1, got " + Arrays.toString(hidden));
            }
        }
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * The cells the network controls, over which patterns and their utility are computed
     * (REFERENCE.md §1): all of them, except under a fixed boundary, whose two clamped outer cells
     * are always 0 and would otherwise count as fates the network chose.
     */
    public int controlledCells() {
        return boundary == Boundary.FIXED ? cells - 2 : cells;
    }

    /** Index of the first controlled cell (1 under a fixed boundary, else 0). */
    public int firstControlledCell() {
        return boundary == Boundary.FIXED ? 1 : 0;
    }

    /** Total simulated cell-steps for one candidate (all replicates). */
    public long cellSteps() {
        return (long) cells * replicates * steps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LateralInhibitionConfig c && c.cells == cells && c.replicates == replicates
                && Double.compare(c.dt, dt) == 0 && c.steps == steps && Double.compare(c.noise, noise) == 0
                && Double.compare(c.initialMean, initialMean) == 0
                && Double.compare(c.initialSpread, initialSpread) == 0
                && c.boundary == boundary && Arrays.equals(c.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {cells, replicates, dt, steps, noise, initialMean, initialSpread, boundary})
                * 31 + Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "LateralInhibitionConfig[cells=" + cells + ", replicates=" + replicates + ", dt=" + dt + ", steps=" + steps
                + ", noise=" + noise + ", initial=U[" + (initialMean - initialSpread) + ", " + (initialMean + initialSpread)
                + "], boundary=" + boundary + ", hidden=" + Arrays.toString(hidden) + "]";
    }
}
