package io.morphospark.models.patterns.sim;

/**
 * The one stencil the discrete automata share: for every cell, how many neighbours are in the
 * state that cell is "looking for" ({@code wanted[state]}: the successor state for a cyclic CA,
 * the excited state for Greenberg–Hastings). Works on halo-padded byte grids.
 */
final class StateCounts {
    private StateCounts() {
    }

    static void count(byte[] grid, byte[] wanted, int width, int height, Neighbourhood nb, byte[] counts) {
        final int s = PeriodicHalo.stride(width);
        if (nb == Neighbourhood.MOORE) {
            for (int y = 1; y <= height; y++) {
                for (int i = y * s + 1, end = i + width; i < end; i++) {
                    byte w = wanted[grid[i]];
                    counts[i] = (byte) (eq(grid[i - s - 1], w) + eq(grid[i - s], w) + eq(grid[i - s + 1], w)
                            + eq(grid[i - 1], w) + eq(grid[i + 1], w)
                            + eq(grid[i + s - 1], w) + eq(grid[i + s], w) + eq(grid[i + s + 1], w));
                }
            }
        } else {
            for (int y = 1; y <= height; y++) {
                for (int i = y * s + 1, end = i + width; i < end; i++) {
                    byte w = wanted[grid[i]];
                    counts[i] = (byte) (eq(grid[i - s], w) + eq(grid[i - 1], w) + eq(grid[i + 1], w) + eq(grid[i + s], w));
                }
            }
        }
    }

    private static int eq(byte a, byte b) {
        return a == b ? 1 : 0;
    }
}
