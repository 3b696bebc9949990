package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.SplittableRandom;

/**
 * The original scalar kernel of {@link CellularPottsSimulator}, kept unchanged as the reference its
 * optimised kernel must match bit for bit (same draws in the same order, same arithmetic) and as the
 * baseline of {@code bench patterns}. Not used to make datasets.
 *
 * <p>Metropolis dynamics of {@link CellularPottsParams} on a torus. One step is one Monte Carlo step:
 * {@code width·height} copy attempts, each picking a random site and a random one of its 8
 * neighbours and proposing to copy the neighbour's cell id into the site. Frames hold cell types
 * (0 medium, 1 condensing, 2 non-condensing).
 */
public final class ReferenceCellularPotts implements PatternSimulator<CellularPottsParams> {
    private static final int MEDIUM = 0;
    private static final int CONDENSING = 1;
    private static final int NON_CONDENSING = 2;
    private static final Neighbourhood CONTACTS = Neighbourhood.MOORE;

    @Override
    public Frame run(CellularPottsParams p, RunSpec spec, FrameSink sink) {
        Lattice lattice = Lattice.tiled(p, spec);
        SplittableRandom rng = spec.stream(RunSpec.StreamUse.DYNAMICS);
        double[] j = p.contactMatrix();
        Frame frame = lattice.types();
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            lattice.monteCarloStep(p, j, rng);
            if (spec.records(step)) {
                frame = lattice.types();
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    /** Cell ids per site, cell types and volumes per cell id (id 0 is the medium). */
    static final class Lattice {
        final int w;
        final int h;
        final int[] id;
        final byte[] type;
        final int[] volume;

        private Lattice(int w, int h, int[] id, byte[] type, int[] volume) {
            this.w = w;
            this.h = h;
            this.id = id;
            this.type = type;
            this.volume = volume;
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
            final int n = w * h;
            final double beta = 1.0 / p.temperature();
            for (int attempt = 0; attempt < n; attempt++) {
                int site = rng.nextInt(n);
                int x = site % w;
                int y = site / w;
                int k = rng.nextInt(CONTACTS.size());
                int source = id[wrap(y + CONTACTS.dy(k), h) * w + wrap(x + CONTACTS.dx(k), w)];
                int target = id[site];
                if (source == target) {
                    continue;
                }
                double dH = adhesionChange(x, y, target, source, j) + volumeChange(p, target, source);
                if (dH <= 0 || rng.nextDouble() < Math.exp(-dH * beta)) {
                    id[site] = source;
                    volume[target]--;
                    volume[source]++;
                }
            }
        }

        private double adhesionChange(int x, int y, int before, int after, double[] j) {
            int tb = type[before] * 3;
            int ta = type[after] * 3;
            double d = 0;
            for (int k = 0; k < CONTACTS.size(); k++) {
                int other = id[wrap(y + CONTACTS.dy(k), h) * w + wrap(x + CONTACTS.dx(k), w)];
                int to = type[other];
                if (other != after) {
                    d += j[ta + to];
                }
                if (other != before) {
                    d -= j[tb + to];
                }
            }
            return d;
        }

        private double volumeChange(CellularPottsParams p, int loser, int gainer) {
            double d = 0;
            double vt = p.targetVolume();
            if (loser != MEDIUM) {
                d += p.lambdaVolume() * (1 - 2 * (volume[loser] - vt));
            }
            if (gainer != MEDIUM) {
                d += p.lambdaVolume() * (1 + 2 * (volume[gainer] - vt));
            }
            return d;
        }

        private static int wrap(int i, int n) {
            return i < 0 ? i + n : i >= n ? i - n : i;
        }

        Frame types() {
            byte[] t = new byte[id.length];
            for (int i = 0; i < id.length; i++) {
                t[i] = type[id[i]];
            }
            return Frame.discrete(w, h, 3, t);
        }
    }
}
