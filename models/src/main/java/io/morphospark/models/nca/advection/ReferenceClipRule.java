package io.morphospark.models.nca.advection;

/**
 * The reference's transport rule (seed 003), kept only to measure what {@link Transport} fixes:
 * upwind fluxes on a torus, m ← clip(m + dt·(inflow − outflow), 0, 1) after every pass. The clip
 * destroys mass wherever flow converges (and creates none where it diverges, so it never repays).
 */
public final class ReferenceClipRule {
    private ReferenceClipRule() {
    }

    /** One advection pass of the reference. */
    public static double[] pass(double[] m, double[] vx, double[] vy, double dt, int height, int width) {
        double[] next = new double[m.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double out = m[i] * (Math.abs(vx[i]) + Math.abs(vy[i]));
                int left = y * width + Math.floorMod(x - 1, width);
                int right = y * width + Math.floorMod(x + 1, width);
                int up = Math.floorMod(y - 1, height) * width + x;
                int down = Math.floorMod(y + 1, height) * width + x;
                double in = m[left] * Math.max(vx[left], 0) + m[right] * Math.max(-vx[right], 0)
                        + m[up] * Math.max(vy[up], 0) + m[down] * Math.max(-vy[down], 0);
                next[i] = Math.max(0, Math.min(1, m[i] + dt * (in - out)));
            }
        }
        return next;
    }
}
