package io.morphospark.models.agents.world;

import java.util.Arrays;

/**
 * Neighbour queries within radius R in O(N) per step. The domain is cut into square cells of side
 * ≥ R; {@link #sort} counting-sorts the agents by cell, and the caller keeps its own
 * structure-of-arrays state in that order (it permutes its arrays with {@link #order}), so the
 * agents of a cell, and of a row of cells, lie next to each other in memory.
 *
 * <p>{@link #pass} then visits every pair within R once (a half-shell stencil: the rest of the
 * agent's own cell, the cell to its east and the three cells of the row above) and adds each
 * pair's terms to both agents, with the sign a direction takes from the other side (Newton's third
 * law): every accumulated quantity is pairwise symmetric or antisymmetric. Each agent's candidates
 * are first filtered without a branch (each candidate is written to a scratch list and the list
 * grows by the sign bit of d² − R²), so the loop over the ~35% of candidates within R runs
 * without mispredicted branches. Only the sums some rule reads are accumulated ({@link Needs}).
 * On a torus the neighbour cells across the seam carry a coordinate shift, so no pair needs a
 * minimum-image test; the domain is at least 3 cells across, so a pair has one image within R.
 *
 * <p>All per-agent results are indexed by sorted position.
 */
public final class CellList {
    /** Which neighbour sums the pass accumulates (the counts are always kept: every decision reads them). */
    record Needs(boolean types, boolean centroid, boolean signal, boolean distances) {
        static final Needs ALL = new Needs(true, true, true, true);
    }

    private final double side;
    private final boolean periodic;
    private final int cellsPerSide;
    private final double cellSize;
    private final int[] start;
    private final int[] fill;

    /** After {@link #sort}: the unsorted index of the agent at sorted position a. */
    int[] order;
    private int[] cellOf;

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

    /** Scratch list of one agent's candidates: sorted index and offset; those within R come first. */
    private int[] hitIndex = new int[64];
    private double[] hitDx = new double[64];
    private double[] hitDy = new double[64];

    /** Neighbour pairs within R seen by the last pass, each counted from both sides (directed reads). */
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
        order = new int[capacity];
        cellOf = new int[capacity];
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

    /**
     * Stable counting sort of the agents by cell: afterwards {@link #order}[a] is the current index
     * of the agent that belongs at position a, and the caller permutes its arrays accordingly
     * (e.g. with {@link #gather}) before {@link #pass}. Agents move less than a cell per step, so
     * the permutation is close to the identity and gathering reads memory almost in order.
     */
    void sort(int n, double[] x, double[] y) {
        ensureCapacity(n);
        Arrays.fill(start, 0);
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
            order[fill[cellOf[i]]++] = i;
        }
    }

    /** {@code to[a] = from[order[a]]} for the first n agents; returns {@code to}. */
    static double[] gather(double[] from, int[] order, int n, double[] to) {
        for (int a = 0; a < n; a++) {
            to[a] = from[order[a]];
        }
        return to;
    }

    static long[] gather(long[] from, int[] order, int n, long[] to) {
        for (int a = 0; a < n; a++) {
            to[a] = from[order[a]];
        }
        return to;
    }

    static int[] gather(int[] from, int[] order, int n, int[] to) {
        for (int a = 0; a < n; a++) {
            to[a] = from[order[a]];
        }
        return to;
    }

    static byte[] gather(byte[] from, int[] order, int n, byte[] to) {
        for (int a = 0; a < n; a++) {
            to[a] = from[order[a]];
        }
        return to;
    }

    /** The agents' state in sorted order, read by the pass (not copied). */
    record State(double[] x, double[] y, double[] ux, double[] uy, double[] signal, byte[] type) {
    }

    /**
     * The fused neighbour pass over agents already in sorted order (see {@link #sort}).
     *
     * @param radius      interaction radius R
     * @param selectivity attraction weight of heterotypic neighbours is 1 − selectivity
     * @param repulsion   repulsion range r (≤ R)
     * @param signal      signal reception range (≤ R)
     * @param core        core diameter d0 (< R)
     * @param stiffness   soft-sphere repulsion per unit relative overlap
     * @param adhesion    peak soft-sphere adhesion between d0 and R
     * @param needs       the sums to accumulate; the counts always are
     */
    void pass(int n, State s, double radius, double selectivity, double repulsion, double signal, double core,
              double stiffness, double adhesion, Needs needs) {
        ensureCapacity(n);
        clear(n, needs);
        final int m = cellsPerSide;
        final int[] runStart = new int[4];
        final int[] runEnd = new int[4];
        final double[] shiftX = new double[4];
        final double[] shiftY = new double[4];
        final Kernel k = new Kernel(this, s, radius, selectivity, repulsion, signal, core, stiffness, adhesion, needs);
        long pairs = 0;
        for (int cyc = 0; cyc < m; cyc++) {
            for (int cxc = 0; cxc < m; cxc++) {
                int cell = cyc * m + cxc;
                // Run 0: the rest of the own cell and, when it is the next cell in memory, the east one.
                boolean eastInRow = cxc + 1 < m;
                runEnd[0] = start[eastInRow ? cell + 2 : cell + 1];
                shiftX[0] = 0;
                shiftY[0] = 0;
                int runs = 1;
                if (!eastInRow && periodic) { // the east cell across the seam
                    runStart[runs] = start[cyc * m];
                    runEnd[runs] = start[cyc * m + 1];
                    shiftX[runs] = side;
                    shiftY[runs] = 0;
                    runs++;
                }
                int above = cyc + 1;
                double aboveShift = 0;
                if (above == m && periodic) {
                    above = 0;
                    aboveShift = side;
                }
                if (above < m) {
                    int row = above * m;
                    runStart[runs] = start[row + Math.max(0, cxc - 1)];
                    runEnd[runs] = start[row + Math.min(m - 1, cxc + 1) + 1];
                    shiftX[runs] = 0;
                    shiftY[runs] = aboveShift;
                    runs++;
                    if (periodic && cxc == 0) {
                        runStart[runs] = start[row + m - 1];
                        runEnd[runs] = start[row + m];
                        shiftX[runs] = -side;
                        shiftY[runs] = aboveShift;
                        runs++;
                    } else if (periodic && cxc == m - 1) {
                        runStart[runs] = start[row];
                        runEnd[runs] = start[row + 1];
                        shiftX[runs] = side;
                        shiftY[runs] = aboveShift;
                        runs++;
                    }
                }
                for (int a = start[cell]; a < start[cell + 1]; a++) {
                    runStart[0] = a + 1;
                    pairs += k.agent(a, runs, runStart, runEnd, shiftX, shiftY);
                }
            }
        }
        interactions = 2 * pairs;
    }

    private void clear(int n, Needs needs) {
        Arrays.fill(count, 0, n, 0);
        Arrays.fill(same, 0, n, 0);
        if (needs.types()) {
            Arrays.fill(typeA, 0, n, 0);
            Arrays.fill(typeB, 0, n, 0);
        }
        if (needs.centroid()) {
            Arrays.fill(cx, 0, n, 0);
            Arrays.fill(cy, 0, n, 0);
        }
        if (needs.signal()) {
            Arrays.fill(signalCount, 0, n, 0);
            Arrays.fill(hx, 0, n, 0);
            Arrays.fill(hy, 0, n, 0);
            Arrays.fill(signalSum, 0, n, 0);
        }
        if (needs.distances()) {
            Arrays.fill(ax, 0, n, 0);
            Arrays.fill(ay, 0, n, 0);
            Arrays.fill(rx, 0, n, 0);
            Arrays.fill(ry, 0, n, 0);
            Arrays.fill(fx, 0, n, 0);
            Arrays.fill(fy, 0, n, 0);
        }
    }

    /** Grows the candidate scratch list to hold {@code candidates}. */
    private void ensureScratch(int candidates) {
        if (hitIndex.length < candidates) {
            int size = Math.max(candidates, 2 * hitIndex.length);
            hitIndex = new int[size];
            hitDx = new double[size];
            hitDy = new double[size];
        }
    }

    /** The per-agent loop and its constants. */
    private static final class Kernel {
        private final CellList c;
        private final double[] x;
        private final double[] y;
        private final double[] ux;
        private final double[] uy;
        private final double[] sig;
        private final byte[] type;
        private final double r2;
        private final double signal2;
        private final double invRepulsion;
        private final double invCore;
        private final double invShell;
        private final double heteroWeight;
        private final double core;
        private final double stiffness;
        private final double adhesion;
        private final boolean types;
        private final boolean centroid;
        private final boolean signal;
        private final boolean distances;

        Kernel(CellList c, State s, double radius, double selectivity, double repulsion, double signalRange, double core,
               double stiffness, double adhesion, Needs needs) {
            this.c = c;
            this.x = s.x();
            this.y = s.y();
            this.ux = s.ux();
            this.uy = s.uy();
            this.sig = s.signal();
            this.type = s.type();
            this.r2 = radius * radius;
            this.signal2 = signalRange * signalRange;
            this.invRepulsion = 1 / repulsion;
            this.invCore = 1 / core;
            this.invShell = 1 / Math.max(1e-12, radius - core);
            this.heteroWeight = 1 - selectivity;
            this.core = core;
            this.stiffness = stiffness;
            this.adhesion = adhesion;
            this.types = needs.types();
            this.centroid = needs.centroid();
            this.signal = needs.signal();
            this.distances = needs.distances();
        }

        /** Adds agent a's half-shell pairs to both sides; returns how many pairs lie within R. */
        int agent(int a, int runs, int[] runStart, int[] runEnd, double[] shiftX, double[] shiftY) {
            int candidates = 0;
            for (int k = 0; k < runs; k++) {
                candidates += Math.max(0, runEnd[k] - runStart[k]);
            }
            c.ensureScratch(candidates);
            final int[] hitIndex = c.hitIndex;
            final double[] hitDx = c.hitDx;
            final double[] hitDy = c.hitDy;
            final double[] x = this.x;
            final double[] y = this.y;
            final double xi = x[a];
            final double yi = y[a];
            final double r2 = this.r2;
            int hits = 0;
            for (int k = 0; k < runs; k++) {
                final double ox = shiftX[k] - xi;
                final double oy = shiftY[k] - yi;
                final int end = runEnd[k];
                for (int b = runStart[k]; b < end; b++) {
                    final double dx = x[b] + ox;
                    final double dy = y[b] + oy;
                    hitIndex[hits] = b;
                    hitDx[hits] = dx;
                    hitDy[hits] = dy;
                    // + 1 exactly when d² − R² < 0 (its sign bit), so the list grows without a branch
                    hits += (int) (Double.doubleToRawLongBits(dx * dx + dy * dy - r2) >>> 63);
                }
            }
            final byte ti = type[a];
            final int[] count = c.count;
            final int[] same = c.same;
            int nSame = 0;
            int nA = 0;
            int nB = 0;
            int nSignal = 0;
            double scx = 0, scy = 0, shx = 0, shy = 0, ssig = 0, sax = 0, say = 0, srx = 0, sry = 0, sfx = 0, sfy = 0;
            final double uxa = ux[a];
            final double uya = uy[a];
            final double siga = sig[a];
            for (int h = 0; h < hits; h++) {
                final int b = hitIndex[h];
                final double dx = hitDx[h];
                final double dy = hitDy[h];
                final byte tb = type[b];
                final int homotypic = tb == ti ? 1 : 0;
                count[b]++;
                same[b] += homotypic;
                nSame += homotypic;
                if (types) {
                    nA += tb == 0 ? 1 : 0;
                    nB += tb == 1 ? 1 : 0;
                    c.typeA[b] += ti == 0 ? 1 : 0;
                    c.typeB[b] += ti == 1 ? 1 : 0;
                }
                if (centroid) {
                    scx += dx;
                    scy += dy;
                    c.cx[b] -= dx;
                    c.cy[b] -= dy;
                }
                final double d2 = dx * dx + dy * dy;
                if (signal && d2 < signal2) {
                    nSignal++;
                    shx += ux[b];
                    shy += uy[b];
                    ssig += sig[b];
                    c.signalCount[b]++;
                    c.hx[b] += uxa;
                    c.hy[b] += uya;
                    c.signalSum[b] += siga;
                }
                if (distances && d2 > 0) {
                    final double d = Math.sqrt(d2);
                    final double inv = 1 / d;
                    final double ex = dx * inv;
                    final double ey = dy * inv;
                    final double w = homotypic == 1 ? 1 : heteroWeight;
                    sax += w * ex;
                    say += w * ey;
                    c.ax[b] -= w * ex;
                    c.ay[b] -= w * ey;
                    final double k1 = Math.max(0, 1 - d * invRepulsion);
                    srx -= k1 * ex;
                    sry -= k1 * ey;
                    c.rx[b] += k1 * ex;
                    c.ry[b] += k1 * ey;
                    final double f;
                    if (d < core) {
                        f = -stiffness * (1 - d * invCore);
                    } else {
                        final double g = (d - core) * invShell;
                        f = 4 * adhesion * g * (1 - g);
                    }
                    sfx += f * ex;
                    sfy += f * ey;
                    c.fx[b] -= f * ex;
                    c.fy[b] -= f * ey;
                }
            }
            count[a] += hits;
            same[a] += nSame;
            if (types) {
                c.typeA[a] += nA;
                c.typeB[a] += nB;
            }
            if (centroid) {
                c.cx[a] += scx;
                c.cy[a] += scy;
            }
            if (signal) {
                c.signalCount[a] += nSignal;
                c.hx[a] += shx;
                c.hy[a] += shy;
                c.signalSum[a] += ssig;
            }
            if (distances) {
                c.ax[a] += sax;
                c.ay[a] += say;
                c.rx[a] += srx;
                c.ry[a] += sry;
                c.fx[a] += sfx;
                c.fy[a] += sfy;
            }
            return hits;
        }
    }

    /**
     * Differential-adhesion energy of an agent of type {@code t} at (px, py) against the sorted
     * agents other than the one at sorted position {@code self}:
     * Σ_j −J(t, t_j)·(1 − d/R) + K·max(0, 1 − d/d0)², d < R.
     */
    double energyAt(State s, double px, double py, byte t, int self, double radius, double core, double adhesionSame,
                    double adhesionOther, double coreStiffness) {
        final double r2 = radius * radius;
        final double[] sx = s.x();
        final double[] sy = s.y();
        final byte[] stype = s.type();
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
                    if (d2 >= r2 || b == self) {
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
