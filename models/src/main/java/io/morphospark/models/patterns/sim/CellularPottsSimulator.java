package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.SplittableRandom;

/**
 * Metropolis dynamics of {@link CellularPottsParams} on a torus. One step is one Monte Carlo step:
 * {@code width·height} copy attempts, each picking a random site and a random one of its 8
 * neighbours and proposing to copy the neighbour's cell id into the site. Frames hold cell types
 * (0 medium, 1 condensing, 2 non-condensing).
 */
public final class CellularPottsSimulator implements PatternSimulator<CellularPottsParams> {
    public static final int MEDIUM = 0;
    public static final int CONDENSING = 1;
    public static final int NON_CONDENSING = 2;

    @Override
    public Frame run(CellularPottsParams p, RunSpec spec, FrameSink sink) {
        Lattice lattice = Lattice.tiled(p, spec);
        SplittableRandom rng = spec.stream(RunSpec.StreamUse.DYNAMICS);
        double[] j = p.contactMatrix();
        BoltzmannFactors boltzmann = new BoltzmannFactors(1.0 / p.temperature());
        Frame frame = lattice.types();
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            lattice.monteCarloStep(p, j, rng, boltzmann);
            if (spec.records(step)) {
                frame = lattice.types();
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    /**
     * Cell ids per site, cell types and volumes per cell id (id 0 is the medium).
     *
     * <p>The kernel draws exactly what {@link ReferenceCellularPotts} draws, in the same order, and
     * computes the same ΔH, so runs are bit-identical to it (KernelBitIdentityTest). It is about twice
     * as fast because sites live in a halo-padded array ({@link PeriodicHalo}'s layout, the halo
     * refreshed on the rare accepted copy at an edge) so neighbours are constant offsets with no
     * division or wrap per attempt; each site packs its cell's id and type in one int; same-cell
     * neighbours select a zero column of the contact table instead of branching; whole-number
     * energies are summed as integers (exact, see {@link #wholeEnergyStep}); and Boltzmann factors are
     * remembered per distinct ΔH ({@link BoltzmannFactors}).
     */
    static final class Lattice {
        /** Contacts and copy sources: the 8 neighbours, in the reference's order (a draw k means the same neighbour). */
        private static final Neighbourhood CONTACTS = Neighbourhood.MOORE;
        private static final int NEIGHBOURS = CONTACTS.size();
        private static final int CONTACT_ROW = 4;
        private static final int NO_CONTACT = 3;
        private static final int TYPE_BITS = 2;
        private static final int TYPE_MASK = (1 << TYPE_BITS) - 1;

        final int w;
        final int h;
        private final int stride;
        /**
         * Cell per site, halo-padded (site (x, y) at {@code (y + 1)·stride + x + 1}), packed as
         * {@code id << TYPE_BITS | type[id]}: one load gives a neighbour's identity and type, and packed
         * values are equal exactly when the ids are.
         */
        private final int[] cells;
        /** Padded index of each site, row-major: the site drawn as {@code nextInt(w·h)}. */
        private final int[] padded;
        /** Sites on the grid's border, whose halo copies follow them (so others skip the division by w). */
        private final boolean[] onEdge;
        private final int[] offsets;
        final byte[] type;
        final int[] volume;

        private Lattice(int w, int h, int[] id, byte[] type, int[] volume) {
            this.w = w;
            this.h = h;
            this.stride = PeriodicHalo.stride(w);
            this.type = type;
            this.volume = volume;
            this.cells = new int[PeriodicHalo.paddedSize(w, h)];
            this.padded = new int[w * h];
            this.onEdge = new boolean[w * h];
            this.offsets = CONTACTS.offsets(stride);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int site = y * w + x;
                    padded[site] = PeriodicHalo.index(w, x, y);
                    onEdge[site] = x == 0 || y == 0 || x == w - 1 || y == h - 1;
                    set(site, id[site]);
                }
            }
        }

        static Lattice tiled(CellularPottsParams p, RunSpec spec) {
            int w = spec.width();
            int h = spec.height();
            int side = p.cellSide();
            if (w < 2 * side || h < 2 * side) {
                throw new IllegalArgumentException("grid " + w + " × " + h + " is too small for cells of side " + side);
            }
            SplittableRandom rng = spec.stream(RunSpec.StreamUse.INITIAL_STATE);
            int tilesX = w / side;
            int tilesY = h / side;
            int[] id = new int[w * h];
            byte[] type = new byte[tilesX * tilesY + 1];
            int cells = 0;
            double radius = p.coverage() * Math.min(w, h) / 2.0;
            for (int ty = 0; ty < tilesY; ty++) {
                for (int tx = 0; tx < tilesX; tx++) {
                    double cx = (tx + 0.5) * side - w / 2.0;
                    double cy = (ty + 0.5) * side - h / 2.0;
                    // Drawn for every tile, used or not, so a tile's type does not depend on coverage.
                    boolean condensing = rng.nextDouble() < p.condensingFraction();
                    if (p.coverage() < 1 && cx * cx + cy * cy > radius * radius) {
                        continue;
                    }
                    int cell = ++cells;
                    type[cell] = (byte) (condensing ? CONDENSING : NON_CONDENSING);
                    // The last tile of a row or column absorbs the remainder of the grid.
                    int x1 = tx == tilesX - 1 && p.coverage() >= 1 ? w : (tx + 1) * side;
                    int y1 = ty == tilesY - 1 && p.coverage() >= 1 ? h : (ty + 1) * side;
                    for (int y = ty * side; y < y1; y++) {
                        for (int x = tx * side; x < x1; x++) {
                            id[y * w + x] = cell;
                        }
                    }
                }
            }
            int[] volume = new int[cells + 1];
            for (int c : id) {
                volume[c]++;
            }
            return new Lattice(w, h, id, java.util.Arrays.copyOf(type, cells + 1), volume);
        }

        void monteCarloStep(CellularPottsParams p, double[] j, SplittableRandom rng) {
            monteCarloStep(p, j, rng, new BoltzmannFactors(1.0 / p.temperature()));
        }

        /**
         * One Monte Carlo step: ΔH is the reference's, adhesion over the 8 neighbours (+J(after) where
         * the neighbour is not the new cell, −J(before) where it is not the old one) plus the volume
         * terms of loser and gainer, each skipped for the medium.
         */
        void monteCarloStep(CellularPottsParams p, double[] j, SplittableRandom rng, BoltzmannFactors boltzmann) {
            long[] wholeContacts = wholeContactRows(j);
            if (wholeContacts != null && isWhole(p.lambdaVolume()) && isWhole(p.targetVolume())) {
                wholeEnergyStep(wholeContacts, (long) p.lambdaVolume(), (long) p.targetVolume(), rng, boltzmann);
            } else {
                realEnergyStep(contactRows(j), p.lambdaVolume(), p.targetVolume(), rng, boltzmann);
            }
        }

        /**
         * The step for whole-number energies (CompuCell3D's and the datasets'): every partial sum of
         * the reference's ΔH is then an integer far below 2⁵³, so the reference's doubles are exact and
         * equal to this integer arithmetic, which has no serial floating-point chain and no branch per
         * neighbour. ΔH converts to the same double the reference computes.
         */
        private void wholeEnergyStep(long[] contacts, long lambda, long vt, SplittableRandom rng, BoltzmannFactors boltzmann) {
            final int n = w * h;
            final int[] packed = cells;
            final int[] off = offsets;
            for (int attempt = 0; attempt < n; attempt++) {
                int site = rng.nextInt(n);
                int k = rng.nextInt(NEIGHBOURS);
                int at = padded[site];
                int sourceCell = packed[at + off[k]];
                int targetCell = packed[at];
                if (sourceCell == targetCell) {
                    continue;
                }
                int source = sourceCell >>> TYPE_BITS;
                int target = targetCell >>> TYPE_BITS;
                int ta = (sourceCell & TYPE_MASK) * CONTACT_ROW;
                int tb = (targetCell & TYPE_MASK) * CONTACT_ROW;
                long adhesion = 0;
                for (int q = 0; q < NEIGHBOURS; q++) {
                    int other = packed[at + off[q]];
                    int to = other & TYPE_MASK;
                    adhesion += contacts[ta + (other == sourceCell ? NO_CONTACT : to)]
                            - contacts[tb + (other == targetCell ? NO_CONTACT : to)];
                }
                long volumeChange = 0;
                if (target != MEDIUM) {
                    volumeChange += lambda * (1 - 2 * (volume[target] - vt));
                }
                if (source != MEDIUM) {
                    volumeChange += lambda * (1 + 2 * (volume[source] - vt));
                }
                long dH = adhesion + volumeChange;
                if (dH <= 0 || rng.nextDouble() < boltzmann.of((double) dH)) {
                    set(site, source);
                    volume[target]--;
                    volume[source]++;
                }
            }
        }

        /** The step for any energies: the reference's floating-point sums, term by term in its order. */
        private void realEnergyStep(double[] contacts, double lambda, double vt, SplittableRandom rng,
                                    BoltzmannFactors boltzmann) {
            final int n = w * h;
            final int[] packed = cells;
            final int[] off = offsets;
            for (int attempt = 0; attempt < n; attempt++) {
                int site = rng.nextInt(n);
                int k = rng.nextInt(NEIGHBOURS);
                int at = padded[site];
                int sourceCell = packed[at + off[k]];
                int targetCell = packed[at];
                if (sourceCell == targetCell) {
                    continue;
                }
                int source = sourceCell >>> TYPE_BITS;
                int target = targetCell >>> TYPE_BITS;
                int ta = (sourceCell & TYPE_MASK) * CONTACT_ROW;
                int tb = (targetCell & TYPE_MASK) * CONTACT_ROW;
                double adhesion = 0;
                for (int q = 0; q < NEIGHBOURS; q++) {
                    int other = packed[at + off[q]];
                    int to = other & TYPE_MASK;
                    // A neighbour of the same cell contributes no interface: the table's zero column
                    // (integer selects, no unpredictable branch). Adding 0.0 where the reference adds
                    // nothing can only turn a −0.0 sum into +0.0, and ΔH ≤ 0 treats both alike.
                    adhesion += contacts[ta + (other == sourceCell ? NO_CONTACT : to)];
                    adhesion -= contacts[tb + (other == targetCell ? NO_CONTACT : to)];
                }
                double volumeChange = 0;
                if (target != MEDIUM) {
                    volumeChange += lambda * (1 - 2 * (volume[target] - vt));
                }
                if (source != MEDIUM) {
                    volumeChange += lambda * (1 + 2 * (volume[source] - vt));
                }
                double dH = adhesion + volumeChange;
                if (dH <= 0 || rng.nextDouble() < boltzmann.of(dH)) {
                    set(site, source);
                    volume[target]--;
                    volume[source]++;
                }
            }
        }

        /**
         * Bound on whole-number energies for {@link #wholeEnergyStep}: with |J|, λ, V_T ≤ 2²⁰ and at
         * most 2²⁹ sites, every partial sum of ΔH stays below 2⁵², where doubles hold integers exactly.
         */
        private static final double WHOLE_LIMIT = 1 << 20;

        private static boolean isWhole(double x) {
            return Math.abs(x) <= WHOLE_LIMIT && x == Math.rint(x);
        }

        /** {@link #contactRows} as integers, or null if an energy is not a whole number within {@link #WHOLE_LIMIT}. */
        private static long[] wholeContactRows(double[] j) {
            double[] rows = contactRows(j);
            long[] whole = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (!isWhole(rows[i])) {
                    return null;
                }
                whole[i] = (long) rows[i];
            }
            return whole;
        }

        /** The 3×3 contact matrix as rows of 4, the last entry of each row 0 (no interface with the same cell). */
        private static double[] contactRows(double[] j) {
            double[] rows = new double[3 * CONTACT_ROW];
            for (int a = 0; a < 3; a++) {
                System.arraycopy(j, a * 3, rows, a * CONTACT_ROW, 3);
            }
            return rows;
        }

        /** Puts {@code cell} at a site and at the halo copies of an edge site. */
        private void set(int site, int cell) {
            int value = cell << TYPE_BITS | type[cell];
            int at = padded[site];
            cells[at] = value;
            if (onEdge[site]) {
                copyToHalo(site, at, value);
            }
        }

        private void copyToHalo(int site, int at, int value) {
            int x = site % w;
            int y = site / w;
            int dx = x == 0 ? w : x == w - 1 ? -w : 0;
            int dy = y == 0 ? h * stride : y == h - 1 ? -h * stride : 0;
            if (dx != 0) {
                cells[at + dx] = value;
            }
            if (dy != 0) {
                cells[at + dy] = value;
                if (dx != 0) {
                    cells[at + dx + dy] = value;
                }
            }
        }

        /** Cell id per site, row-major (a copy). */
        int[] ids() {
            int[] out = new int[w * h];
            for (int site = 0; site < out.length; site++) {
                out[site] = cells[padded[site]] >>> TYPE_BITS;
            }
            return out;
        }

        Frame types() {
            byte[] t = new byte[w * h];
            for (int site = 0; site < t.length; site++) {
                t[site] = (byte) (cells[padded[site]] & TYPE_MASK);
            }
            return Frame.discrete(w, h, 3, t);
        }
    }

    /**
     * exp(−ΔH·β) for the ΔH of a run, each computed by {@code Math.exp} exactly as the reference does
     * and remembered in a small direct-mapped table keyed by ΔH's bits, so a hit returns the identical
     * double.
     */
    static final class BoltzmannFactors {
        /** ΔH takes few distinct values in a run (sums of a few contact energies and volume terms). */
        private static final int SLOT_BITS = 10;
        private final double beta;
        // An empty slot's key is 0, the bits of ΔH = +0.0, which is accepted outright and never looked up.
        private final long[] keys = new long[1 << SLOT_BITS];
        private final double[] values = new double[1 << SLOT_BITS];

        BoltzmannFactors(double beta) {
            this.beta = beta;
        }

        double of(double dH) {
            long bits = Double.doubleToRawLongBits(dH);
            // Fibonacci hashing: integer-valued ΔH differ only in their high bits, which this spreads.
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
            if (keys[slot] == bits) {
                return values[slot];
            }
            double f = Math.exp(-dH * beta);
            keys[slot] = bits;
            values[slot] = f;
            return f;
        }
    }
}
