package io.morphospark.models.nca.advection;

/**
 * Mass transport on one H×W grid that conserves total mass by construction: every pass moves
 * mass as fluxes between 4-neighbours, and what leaves one cell enters its neighbour. Nothing
 * crosses the grid edge, nothing is clipped.
 *
 * <p>One step = {@code subSteps} first-order upwind advection passes, a cell sending
 * {@code m·max(±v, 0)·dt} toward each neighbour, then one diffusion pass, a cell sending
 * {@code m·rate} to each neighbour. In every pass two limiters scale fluxes down, never up:
 * <ul>
 *   <li>source: a cell never sends more than it holds (all its outflows × min(1, m / total out));</li>
 *   <li>capacity: inflows into a cell are scaled so that it receives at most {@code capacity − m}
 *       (its own outflow is not counted, so the bound holds whatever its neighbours do).</li>
 * </ul>
 * So mass stays ≥ 0 and, when it starts at or below the capacity, at or below it. The reference
 * instead clipped mass to [0, 1] after each pass, which destroys mass wherever flow converges.
 *
 * <p>{@link #backward} is the exact vector-Jacobian product of {@link #apply} (the limiters are
 * piecewise smooth; their kinks have measure zero), for training by gradient.
 */
public final class Transport {
    private static final int E = 0;
    private static final int W = 1;
    private static final int S = 2;
    private static final int N = 3;

    private final TransportSettings settings;
    private final int height;
    private final int width;

    public Transport(TransportSettings settings, int height, int width) {
        this.settings = settings;
        this.height = height;
        this.width = width;
    }

    public TransportSettings settings() {
        return settings;
    }

    /** Mass after one step moved by velocities (ux, uy) in [−1, 1]; x grows with the column, y with the row. */
    public double[] apply(double[] mass, double[] ux, double[] uy) {
        double[][] advection = advectionCoefficients(ux, uy);
        double[] m = mass;
        for (int s = 0; s < settings.subSteps(); s++) {
            m = pass(m, advection);
        }
        if (settings.diffusionRate() > 0) {
            m = pass(m, diffusionCoefficients());
        }
        return m;
    }

    /**
     * Given {@code upstream} = ∂L/∂(mass out), returns ∂L/∂(mass in) and adds ∂L/∂ux, ∂L/∂uy into
     * {@code gradUx}, {@code gradUy}. Recomputes the forward pass (cheap next to the network).
     */
    public double[] backward(double[] mass, double[] ux, double[] uy, double[] upstream, double[] gradUx, double[] gradUy) {
        double[][] advection = advectionCoefficients(ux, uy);
        double[][] masses = new double[settings.subSteps() + 1][];
        masses[0] = mass;
        for (int s = 0; s < settings.subSteps(); s++) {
            masses[s + 1] = pass(masses[s], advection);
        }
        double[] g = upstream;
        if (settings.diffusionRate() > 0) {
            g = passBackward(masses[settings.subSteps()], diffusionCoefficients(), g, null);
        }
        double[][] gradK = new double[4][height * width];
        for (int s = settings.subSteps() - 1; s >= 0; s--) {
            g = passBackward(masses[s], advection, g, gradK);
        }
        double dt = settings.dt();
        for (int i = 0; i < ux.length; i++) {
            // k_E = dt·max(ux, 0), k_W = dt·max(−ux, 0); an edge cell's coefficient toward the edge is 0
            gradUx[i] += dt * ((ux[i] > 0 ? gradK[E][i] : 0) - (ux[i] < 0 ? gradK[W][i] : 0));
            gradUy[i] += dt * ((uy[i] > 0 ? gradK[S][i] : 0) - (uy[i] < 0 ? gradK[N][i] : 0));
        }
        return g;
    }

    /** Per-direction rates k[d][i] (fraction of the cell's mass sent toward d), zero toward the grid edge. */
    private double[][] advectionCoefficients(double[] ux, double[] uy) {
        double dt = settings.dt();
        double[][] k = new double[4][height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                k[E][i] = x + 1 < width ? dt * Math.max(ux[i], 0) : 0;
                k[W][i] = x > 0 ? dt * Math.max(-ux[i], 0) : 0;
                k[S][i] = y + 1 < height ? dt * Math.max(uy[i], 0) : 0;
                k[N][i] = y > 0 ? dt * Math.max(-uy[i], 0) : 0;
            }
        }
        return k;
    }

    private double[][] diffusionCoefficients() {
        double rate = settings.diffusionRate();
        double[][] k = new double[4][height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                k[E][i] = x + 1 < width ? rate : 0;
                k[W][i] = x > 0 ? rate : 0;
                k[S][i] = y + 1 < height ? rate : 0;
                k[N][i] = y > 0 ? rate : 0;
            }
        }
        return k;
    }

    /** The quantities of one pass that both directions need. */
    private final class Pass {
        final double[] sourceScale;
        /** Source-limited fluxes g[d][i] = m·k·min(1, 1/Σk). */
        final double[][] g = new double[4][];
        final double[] inflow;
        final double[] room;
        /** Capacity scale of the fluxes into each cell. */
        final double[] receiveScale;

        Pass(double[] m, double[][] k) {
            int n = m.length;
            sourceScale = new double[n];
            for (int d = 0; d < 4; d++) {
                g[d] = new double[n];
            }
            for (int i = 0; i < n; i++) {
                // fluxes are m·k, so "sends no more than it holds" is Σk ≤ 1, whatever m is
                double total = k[E][i] + k[W][i] + k[S][i] + k[N][i];
                double scale = total > 1 ? 1 / total : 1;
                sourceScale[i] = scale;
                for (int d = 0; d < 4; d++) {
                    g[d][i] = m[i] * k[d][i] * scale;
                }
            }
            inflow = new double[n];
            room = new double[n];
            receiveScale = new double[n];
            java.util.Arrays.fill(receiveScale, 1.0);
            if (!settings.capped()) {
                return;
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    double in = 0;
                    if (x > 0) {
                        in += g[E][i - 1];
                    }
                    if (x + 1 < width) {
                        in += g[W][i + 1];
                    }
                    if (y > 0) {
                        in += g[S][i - width];
                    }
                    if (y + 1 < height) {
                        in += g[N][i + width];
                    }
                    inflow[i] = in;
                    room[i] = Math.max(0, settings.capacity() - m[i]);
                    if (in > room[i]) {
                        receiveScale[i] = room[i] / in;
                    }
                }
            }
        }

        /** The final flux from cell i toward d: g scaled by the receiver's capacity scale. */
        double flux(int d, int i, int neighbour) {
            return g[d][i] * receiveScale[neighbour];
        }
    }

    private double[] pass(double[] m, double[][] k) {
        Pass p = new Pass(m, k);
        int n = m.length;
        double[][] f = new double[4][n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (x + 1 < width) {
                    f[E][i] = p.flux(E, i, i + 1);
                }
                if (x > 0) {
                    f[W][i] = p.flux(W, i, i - 1);
                }
                if (y + 1 < height) {
                    f[S][i] = p.flux(S, i, i + width);
                }
                if (y > 0) {
                    f[N][i] = p.flux(N, i, i - width);
                }
            }
        }
        double[] next = new double[n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double in = (x > 0 ? f[E][i - 1] : 0) + (x + 1 < width ? f[W][i + 1] : 0)
                        + (y > 0 ? f[S][i - width] : 0) + (y + 1 < height ? f[N][i + width] : 0);
                double out = f[E][i] + f[W][i] + f[S][i] + f[N][i];
                next[i] = m[i] - out + in;
            }
        }
        return next;
    }

    /**
     * ∂L/∂m of one pass given ∂L/∂next; adds ∂L/∂k into {@code gradK} when it is not null.
     */
    private double[] passBackward(double[] m, double[][] k, double[] upstream, double[][] gradK) {
        Pass p = new Pass(m, k);
        int n = m.length;
        double[] gradM = upstream.clone(); // next = m − out + in
        double[][] gradG = new double[4][n];
        double[] gradScale = new double[n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (x + 1 < width) {
                    fluxBackward(p, upstream, E, i, i + 1, gradG, gradScale);
                }
                if (x > 0) {
                    fluxBackward(p, upstream, W, i, i - 1, gradG, gradScale);
                }
                if (y + 1 < height) {
                    fluxBackward(p, upstream, S, i, i + width, gradG, gradScale);
                }
                if (y > 0) {
                    fluxBackward(p, upstream, N, i, i - width, gradG, gradScale);
                }
            }
        }
        if (settings.capped()) {
            double[] gradInflow = new double[n];
            for (int j = 0; j < n; j++) {
                if (p.inflow[j] > p.room[j]) { // receiveScale = room / inflow
                    double in = p.inflow[j];
                    gradInflow[j] = -gradScale[j] * p.room[j] / (in * in);
                    if (settings.capacity() - m[j] > 0) { // room = max(0, capacity − m)
                        gradM[j] -= gradScale[j] / in;
                    }
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    gradG[E][i] += x + 1 < width ? gradInflow[i + 1] : 0;
                    gradG[W][i] += x > 0 ? gradInflow[i - 1] : 0;
                    gradG[S][i] += y + 1 < height ? gradInflow[i + width] : 0;
                    gradG[N][i] += y > 0 ? gradInflow[i - width] : 0;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double scale = p.sourceScale[i];
            double dot = 0;
            for (int d = 0; d < 4; d++) {
                gradM[i] += gradG[d][i] * k[d][i] * scale;
                dot += gradG[d][i] * m[i] * k[d][i];
            }
            if (gradK != null) {
                // g_d = m·k_d·s with s = 1/Σk when Σk > 1: ∂/∂k_e picks up −m·k_d/(Σk)² from every d
                double total = k[E][i] + k[W][i] + k[S][i] + k[N][i];
                for (int d = 0; d < 4; d++) {
                    double direct = gradG[d][i] * m[i] * scale;
                    gradK[d][i] += total > 1 ? direct - dot / (total * total) : direct;
                }
            }
        }
        return gradM;
    }

    /** A flux i→j leaves i and enters j: ∂L/∂F = G[j] − G[i], split between g (the source side) and the receiver's scale. */
    private static void fluxBackward(Pass p, double[] upstream, int d, int i, int j, double[][] gradG, double[] gradScale) {
        double gradF = upstream[j] - upstream[i];
        gradG[d][i] = gradF * p.receiveScale[j];
        gradScale[j] += gradF * p.g[d][i];
    }

    /** Σ mass, accumulated in double with Kahan compensation. */
    public static double total(double[] mass) {
        double sum = 0;
        double c = 0;
        for (double v : mass) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
