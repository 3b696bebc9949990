package io.morphospark.models.patterns.metrics;

/**
 * Spiral cores as topological defects of a cyclic phase field: around every elementary 2×2
 * plaquette the phase differences, each wrapped to the shortest way round the cycle, add up to a
 * whole number of turns, the winding number. Non-zero windings are phase singularities, the
 * rotating tips of spirals (+1 one handedness, −1 the other). For a cyclic automaton the phase of
 * state s is 2πs/n. On a torus positive and negative windings always balance.
 */
public record PhaseSingularities(int positive, int negative) {

    public int total() {
        return positive + negative;
    }

    /** Windings of an n-state cyclic field (states 0..n−1). */
    public static PhaseSingularities ofCyclicStates(float[] states, int n, int width, int height) {
        if (n < 3) {
            throw new IllegalArgumentException("a cyclic phase needs at least 3 states, got " + n);
        }
        int positive = 0;
        int negative = 0;
        for (int y = 0; y < height; y++) {
            int y1 = (y + 1) % height;
            for (int x = 0; x < width; x++) {
                int x1 = (x + 1) % width;
                int a = (int) states[y * width + x];
                int b = (int) states[y * width + x1];
                int c = (int) states[y1 * width + x1];
                int d = (int) states[y1 * width + x];
                int turn = wrapped(b - a, n) + wrapped(c - b, n) + wrapped(d - c, n) + wrapped(a - d, n);
                if (turn > 0) {
                    positive++;
                } else if (turn < 0) {
                    negative++;
                }
            }
        }
        return new PhaseSingularities(positive, negative);
    }

    /** The step from one state to another the short way round, in (−n/2, n/2]. */
    static int wrapped(int diff, int n) {
        int m = Math.floorMod(diff, n);
        return m > n / 2 ? m - n : m;
    }
}
