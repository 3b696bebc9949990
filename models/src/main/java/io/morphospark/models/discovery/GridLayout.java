package io.morphospark.models.discovery;

/** A regular grid of {@code bins[0] × bins[1] × …} cells over [0, 1]^d, first descriptor slowest. */
public record GridLayout(int[] bins) implements CellLayout {
    public GridLayout {
        if (bins.length < 1) {
            throw new IllegalArgumentException("a grid needs at least one dimension");
        }
        long cells = 1;
        for (int b : bins) {
            if (b < 1) {
                throw new IllegalArgumentException("an archive grid needs at least 1 cell per descriptor, got " + b);
            }
            cells *= b;
        }
        if (cells > 1_000_000) {
            throw new IllegalArgumentException("an archive grid of " + cells + " cells is too large (at most 1000000)");
        }
        bins = bins.clone();
    }

    @Override
    public int cells() {
        int c = 1;
        for (int b : bins) {
            c *= b;
        }
        return c;
    }

    @Override
    public int cellOf(double[] d) {
        int cell = 0;
        for (int i = 0; i < bins.length; i++) {
            int k = Math.min(bins[i] - 1, Math.max(0, (int) Math.floor(Genome.clamp(d[i]) * bins[i])));
            cell = cell * bins[i] + k;
        }
        return cell;
    }

    @Override
    public double[] centre(int cell) {
        double[] c = new double[bins.length];
        for (int i = bins.length - 1; i >= 0; i--) {
            c[i] = ((cell % bins[i]) + 0.5) / bins[i];
            cell /= bins[i];
        }
        return c;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("grid ");
        for (int i = 0; i < bins.length; i++) {
            s.append(i == 0 ? "" : "x").append(bins[i]);
        }
        return s.toString();
    }
}
