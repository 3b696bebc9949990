package io.morphospark.models.agents.world;


/**
 * Neighbour queries within radius R in O(N) per step: the domain is cut into square cells of
 * side ≥ R, agents are counting-sorted by cell into structure-of-arrays order, and each agent
 * scans its 3 × 3 block of cells. One fused pass accumulates everything any rule reads about the
 * neighbours, so a step touches each neighbour pair once. On a torus the neighbour cells across
 * the seam carry a coordinate shift, so no pair needs a minimum-image test.
 *
 * <p>All per-agent results are indexed by sorted position; {@link #order} maps them back.
 */
public final class CellList {
    private final double side;
    private final boolean periodic;
    private final int cellsPerSide;
    private final double cellSize;
    private final int[] start;
    private final int[] fill;

    int[] order;
    private int[] cellOf;
    double[] sx;
    double[] sy;
    double[] scos;
    double[] ssin;
    double[] sstate;
    byte[] stype;
    /** Types as doubles: compared with the agent's own without a conversion in the inner loop. */
    double[] stypeD;

    /** Per sorted agent: neighbours within R, of the same type, of type A, of type B, within the signal range. */
    int[] count;
    int[] same;
    int[] typeA;
    int[] typeB;
    int[] signalCount;
    /** Attraction Σ w·d̂, centroid offset Σ d, repulsion −Σ(1 − d/r)·d̂, heading sum, signal sum, soft-sphere force. */
    double[] ax;
    double[] ay;
    double[] cx;
    double[] cy;
    double[] rx;
    double[] ry;
    double[] hx;
    double[] hy;
    double[] signalSum;
    double[] fx;
    double[] fy;

    /** Neighbour pairs within R seen by the last pass (each pair counted from both sides). */
    long interactions;

    public CellList(double side, double radius, boolean periodic, int capacity) {
        this.side = side;
        this.periodic = periodic;
        this.cellsPerSide = Math.max(1, (int) Math.floor(side / radius));
        this.cellSize = side / cellsPerSide;
        this.start = new int[cellsPerSide * cellsPerSide + 1];
        this.fill = new int[cellsPerSide * cellsPerSide];
        ensureCapacity(capacity);
    }

    void ensureCapacity(int capacity) {
        if (order != null && order.length >= capacity) {
            return;
        }
        int padded = capacity;
        order = new int[capacity];
        cellOf = new int[capacity];
        sx = new double[padded];
        sy = new double[padded];
        scos = new double[padded];
        ssin = new double[padded];
        sstate = new double[padded];
        stype = new byte[capacity];
        stypeD = new double[padded];
        count = new int[capacity];
        same = new int[capacity];
        typeA = new int[capacity];
        typeB = new int[capacity];
        signalCount = new int[capacity];
        ax = new double[capacity];
        ay = new double[capacity];
        cx = new double[capacity];
        cy = new double[capacity];
        rx = new double[capacity];
        ry = new double[capacity];
        hx = new double[capacity];
        hy = new double[capacity];
        signalSum = new double[capacity];
        fx = new double[capacity];
        fy = new double[capacity];
    }

    public int cellsPerSide() {
        return cellsPerSide;
    }

    private int cellIndex(double v) {
        int c = (int) (v / cellSize);
        return c < 0 ? 0 : Math.min(cellsPerSide - 1, c);
    }

    /** Counting sort of the agents by cell into SoA order. */
    void build(int n, double[] x, double[] y, double[] ux, double[] uy, double[] state, byte[] type) {
        ensureCapacity(n);
        java.util.Arrays.fill(start, 0);
        for (int i = 0; i < n; i++) {
            int c = cellIndex(y[i]) * cellsPerSide + cellIndex(x[i]);
            cellOf[i] = c;
            start[c + 1]++;
        }
        for (int c = 0; c < cellsPerSide * cellsPerSide; c++) {
            start[c + 1] += start[c];
        }
        System.arraycopy(start, 0, fill, 0, fill.length);
        for (int i = 0; i < n; i++) {
            int a = fill[cellOf[i]]++;
            order[a] = i;
            sx[a] = x[i];
            sy[a] = y[i];
            scos[a] = ux[i];
            ssin[a] = uy[i];
            sstate[a] = state[i];
            stype[a] = type[i];
            stypeD[a] = type[i];
        }
    }

    /**
     * The fused neighbour pass. The three cells of a row are adjacent in cell order, so an agent
     * scans three contiguous runs of sorted agents (four to six at a torus seam). Each agent
     * counts itself (distance 0) and its own terms are subtracted afterwards, which keeps the
     * inner loop free of index tests. The in-range test stays a branch: a branch-free form (every
     * candidate adding masked terms) and a JDK 17 Vector API form both measured slower, since
     * only about a third of the candidates are in range and the masked adds form long dependency
     * chains.
     *
     * @param radius      interaction radius R
     * @param selectivity attraction weight of heterotypic neighbours is 1 − selectivity
     * @param repulsion   repulsion range r (≤ R)
     * @param signal      signal reception range (≤ R)
     * @param core        core diameter d0 (< R)
     * @param stiffness   soft-sphere repulsion per unit relative overlap
     * @param adhesion    peak soft-sphere adhesion between d0 and R
     * @param distances   whether to accumulate the distance-weighted sums (attraction, repulsion, force); the
     *                    rules that read none of them skip the square root and division per pair
     */
    void pass(int n, double radius, double selectivity, double repulsion, double signal, double core, double stiffness,
              double adhesion, boolean distances) {
        final int m = cellsPerSide;
        final int[] runStart = new int[6];
        final int[] runEnd = new int[6];
        final double[] shiftX = new double[6];
        final double[] shiftY = new double[6];
        final Kernel k = new Kernel(radius, selectivity, repulsion, signal, core, stiffness, adhesion);
        long pairs = 0;
        for (int cyc = 0; cyc < m; cyc++) {
            for (int cxc = 0; cxc < m; cxc++) {
                int runs = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = cyc + dy;
                    double sy0 = 0;
                    if (ny < 0 || ny >= m) {
                        if (!periodic) {
                            continue;
                        }
                        sy0 = ny < 0 ? -side : side;
                        ny = ny < 0 ? ny + m : ny - m;
                    }
                    int row = ny * m;
                    int lo = Math.max(0, cxc - 1);
                    int hi = Math.min(m - 1, cxc + 1);
                    runStart[runs] = start[row + lo];
                    runEnd[runs] = start[row + hi + 1];
                    shiftX[runs] = 0;
                    shiftY[runs] = sy0;
                    runs++;
                    if (periodic && cxc == 0) {
                        runStart[runs] = start[row + m - 1];
                        runEnd[runs] = start[row + m];
                        shiftX[runs] = -side;
                        shiftY[runs] = sy0;
                        runs++;
                    } else if (periodic && cxc == m - 1) {
                        runStart[runs] = start[row];
                        runEnd[runs] = start[row + 1];
                        shiftX[runs] = side;
                        shiftY[runs] = sy0;
                        runs++;
                    }
                }
                int cell = cyc * m + cxc;
                for (int a = start[cell]; a < start[cell + 1]; a++) {
                    k.agent(this, a, runs, runStart, runEnd, shiftX, shiftY, distances);
                    pairs += count[a];
                }
            }
        }
        interactions = pairs;
    }

    /** The per-agent loop and its constants. */
    private static final class Kernel {
        private final double r2;
        private final double signal2;
        private final double invRepulsion;
        private final double invCore;
        private final double invShell;
        private final double heteroWeight;
        private final double core;
        private final double stiffness;
        private final double adhesion;

        Kernel(double radius, double selectivity, double repulsion, double signal, double core, double stiffness,
               double adhesion) {
            this.r2 = radius * radius;
            this.signal2 = signal * signal;
            this.invRepulsion = 1 / repulsion;
            this.invCore = 1 / core;
            this.invShell = 1 / Math.max(1e-12, radius - core);
            this.heteroWeight = 1 - selectivity;
            this.core = core;
            this.stiffness = stiffness;
            this.adhesion = adhesion;
        }

        void agent(CellList c, int a, int runs, int[] runStart, int[] runEnd, double[] shiftX, double[] shiftY,
                   boolean distances) {
            final double xi = c.sx[a];
            final double yi = c.sy[a];
            final double ti = c.stypeD[a];
            final double[] sx = c.sx;
            final double[] sy = c.sy;
            final double[] st = c.stypeD;
            final double[] scos = c.scos;
            final double[] ssin = c.ssin;
            final double[] sstate = c.sstate;
            double nCount = 0, nSame = 0, nA = 0, nB = 0, nSignal = 0;
            double scx = 0, scy = 0, shx = 0, shy = 0, ssig = 0, sax = 0, say = 0, srx = 0, sry = 0, sfx = 0, sfy = 0;
            for (int k = 0; k < runs; k++) {
                final double ox = shiftX[k] - xi;
                final double oy = shiftY[k] - yi;
                final int end = runEnd[k];
                for (int b = runStart[k]; b < end; b++) {
                    final double dx = sx[b] + ox;
                    final double dy = sy[b] + oy;
                    final double d2 = dx * dx + dy * dy;
                    if (d2 >= r2) {
                        continue;
                    }
                    final double t = st[b];
                    final boolean homotypic = t == ti;
                    nCount += 1;
                    nSame += homotypic ? 1 : 0;
                    nA += t == 0 ? 1 : 0;
                    nB += t == 1 ? 1 : 0;
                    scx += dx;
                    scy += dy;
                    if (d2 < signal2) {
                        nSignal += 1;
                        shx += scos[b];
                        shy += ssin[b];
                        ssig += sstate[b];
                    }
                    if (distances && d2 > 0) {
                        final double d = Math.sqrt(d2);
                        final double inv = 1 / d;
                        final double ux = dx * inv;
                        final double uy = dy * inv;
                        final double w = homotypic ? 1 : heteroWeight;
                        sax += w * ux;
                        say += w * uy;
                        final double k1 = Math.max(0, 1 - d * invRepulsion);
                        srx -= k1 * ux;
                        sry -= k1 * uy;
                        final double f;
                        if (d < core) {
                            f = -stiffness * (1 - d * invCore);
                        } else {
                            final double g = (d - core) * invShell;
                            f = 4 * adhesion * g * (1 - g);
                        }
                        sfx += f * ux;
                        sfy += f * uy;
                    }
                }
            }
            c.count[a] = (int) nCount - 1;
            c.same[a] = (int) nSame - 1;
            c.typeA[a] = (int) nA - (ti == 0 ? 1 : 0);
            c.typeB[a] = (int) nB - (ti == 1 ? 1 : 0);
            c.signalCount[a] = (int) nSignal - 1;
            c.cx[a] = scx;
            c.cy[a] = scy;
            c.hx[a] = shx - c.scos[a];
            c.hy[a] = shy - c.ssin[a];
            c.signalSum[a] = ssig - c.sstate[a];
            c.ax[a] = sax;
            c.ay[a] = say;
            c.rx[a] = srx;
            c.ry[a] = sry;
            c.fx[a] = sfx;
            c.fy[a] = sfy;
        }
    }

    /**
     * Differential-adhesion energy of an agent of type {@code t} at (px, py) against the sorted
     * agents other than {@code self}: Σ_j −J(t, t_j)·(1 − d/R) + K·max(0, 1 − d/d0)², d < R.
     */
    double energyAt(double px, double py, byte t, int self, double radius, double core, double adhesionSame,
                    double adhesionOther, double coreStiffness) {
        final double r2 = radius * radius;
        int cxc = cellIndex(px);
        int cyc = cellIndex(py);
        double e = 0;
        for (int dy = -1; dy <= 1; dy++) {
            int ny = cyc + dy;
            double sy0 = 0;
            if (ny < 0 || ny >= cellsPerSide) {
                if (!periodic) {
                    continue;
                }
                sy0 = ny < 0 ? -side : side;
                ny = ny < 0 ? ny + cellsPerSide : ny - cellsPerSide;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int nx = cxc + dx;
                double sx0 = 0;
                if (nx < 0 || nx >= cellsPerSide) {
                    if (!periodic) {
                        continue;
                    }
                    sx0 = nx < 0 ? -side : side;
                    nx = nx < 0 ? nx + cellsPerSide : nx - cellsPerSide;
                }
                int c = ny * cellsPerSide + nx;
                for (int b = start[c]; b < start[c + 1]; b++) {
                    double ddx = sx[b] + sx0 - px;
                    double ddy = sy[b] + sy0 - py;
                    double d2 = ddx * ddx + ddy * ddy;
                    if (d2 >= r2 || order[b] == self) {
                        continue;
                    }
                    double d = Math.sqrt(d2);
                    e -= (stype[b] == t ? adhesionSame : adhesionOther) * (1 - d / radius);
                    if (d < core) {
                        double o = 1 - d / core;
                        e += coreStiffness * o * o;
                    }
                }
            }
        }
        return e;
    }
}
