package io.morphospark.models.nca.cpu;

import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaParameters;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static io.morphospark.models.nca.cpu.RowKernels.LANES;
import static io.morphospark.models.nca.cpu.RowKernels.SPECIES;
import static io.morphospark.models.nca.cpu.RowKernels.roundUp;

/**
 * One growing-NCA step and its vector-Jacobian product on the CPU, fused row by row: perception,
 * both MLP layers and the update of a row of cells happen while the row is in cache. The
 * arithmetic is the SameDiff graph's ({@code NcaStep}), in float32; tests hold the two equal.
 *
 * <p>Rows far from any living cell are skipped: every cell within two rows is dead before the
 * step, so its output is zeroed whatever the network says (exact, not an approximation).
 *
 * <p>Work is split into fixed tasks (a sample's block of rows), each with its own gradient
 * buffers summed in task order, so results are bit-identical with or without threads.
 */
public final class FusedStep {
    private static final int ROWS_PER_TASK = 4;
    private static final float ALIVE = (float) NcaConfig.ALIVE_THRESHOLD;

    private final NcaConfig config;
    private final boolean parallel;
    private final int channels;
    private final int features;
    private final int hidden;
    private final int paddedChannels;
    private final int paddedFeatures;
    private final int paddedHidden;
    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();
    private float[] w1;
    private float[] b1;
    private float[] w2;
    private float[] b2;
    private float[] w2t;
    private float[] w1t;

    public FusedStep(NcaParameters p, boolean parallel) {
        this.config = p.config();
        this.parallel = parallel;
        this.channels = config.channels();
        this.features = config.features();
        this.hidden = config.hidden();
        this.paddedChannels = roundUp(channels, RowKernels.OUT_BLOCK);
        this.paddedFeatures = roundUp(features, RowKernels.OUT_BLOCK);
        this.paddedHidden = roundUp(hidden, RowKernels.OUT_BLOCK);
        setParameters(p);
    }

    public NcaConfig config() {
        return config;
    }

    /** Reads the parameters' current values (call again after every optimiser update). */
    public void setParameters(NcaParameters p) {
        double[] wIn = p.values("w1");
        double[] wOut = p.values("w2");
        w1 = RowKernels.blockWeights(wIn, features, hidden);
        w2 = RowKernels.blockWeights(wOut, hidden, channels);
        w2t = RowKernels.blockWeights(RowKernels.transpose(wOut, hidden, channels), channels, hidden);
        w1t = RowKernels.blockWeights(RowKernels.transpose(wIn, features, hidden), hidden, features);
        b1 = padded(p.values("b1"), paddedHidden);
        b2 = padded(p.values("b2"), paddedChannels);
    }

    private static float[] padded(double[] v, int length) {
        float[] f = new float[length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** The next state of every grid; fills {@code alive} (a mask plane) with pre ∧ post. */
    float[] forward(GridLayout l, float[] state, float[] fire, float[] alive) {
        float[] updated = new float[l.size()];
        float[] pre = new float[l.maskSize()];
        forEachRow(l, (b, y, task) -> updateRow(l, state, fire, updated, pre, b, y));
        float[] next = new float[l.size()];
        forEachRow(l, (b, y, task) -> maskRow(l, updated, pre, next, alive, b, y));
        return next;
    }

    /**
     * Gradient of ⟨upstream, step(state)⟩ w.r.t. the state; parameter gradients are added to
     * {@code sums} (fire and alive masks are held constant: they are piecewise constant).
     */
    float[] backward(GridLayout l, float[] state, float[] fire, float[] alive, float[] upstream, GradientSums sums) {
        GridLayout perceived = l.withChannels(features);
        float[] gp = new float[perceived.size()];
        forEachRow(l, (b, y, task) -> backwardRow(l, perceived, state, fire, alive, upstream, gp, b, y, sums.task(task)));
        float[] gs = new float[l.size()];
        forEachRow(l, (b, y, task) -> stateGradientRow(l, perceived, upstream, alive, gp, gs, b, y));
        return gs;
    }

    GradientSums newGradientSums(GridLayout l) {
        return new GradientSums(tasks(l), paddedFeatures, paddedHidden, paddedChannels, roundUp(paddedHidden, LANES),
                roundUp(paddedChannels, LANES));
    }

    @FunctionalInterface
    private interface RowWork {
        void row(int b, int y, int task);
    }

    private int tasks(GridLayout l) {
        return l.batch() * tasksPerSample(l);
    }

    private static int tasksPerSample(GridLayout l) {
        return (l.height() + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    }

    private void forEachRow(GridLayout l, RowWork work) {
        int perSample = tasksPerSample(l);
        IntConsumer task = t -> {
            int b = t / perSample;
            int from = (t % perSample) * ROWS_PER_TASK;
            for (int y = from; y < Math.min(from + ROWS_PER_TASK, l.height()); y++) {
                work.row(b, y, t);
            }
        };
        IntStream tasks = IntStream.range(0, tasks(l));
        (parallel ? tasks.parallel() : tasks).forEach(task);
    }

    private void updateRow(GridLayout l, float[] s, float[] fire, float[] updated, float[] pre, int b, int y) {
        int vw = l.vectorWidth();
        int stride = l.rowStride();
        int m = l.mask(b, y);
        int alphaRow = l.row(b, NcaConfig.ALPHA, y);
        for (int x0 = 0; x0 < vw; x0 += LANES) {
            Stencils.storeCells(Stencils.aboveInNeighbourhood(s, alphaRow, stride, x0, ALIVE), pre, m + x0, x0, l.width());
        }
        if (!aliveWithinTwoRows(l, s, b, y)) {
            return;
        }
        Scratch sc = scratch(l);
        perceive(l, s, b, y, sc.p);
        RowKernels.dense(sc.p, features, w1, b1, sc.h, paddedHidden, vw, vw, true);
        RowKernels.dense(sc.h, hidden, w2, b2, sc.d, paddedChannels, vw, vw, false);
        for (int c = 0; c < channels; c++) {
            int r = l.row(b, c, y) + 1;
            for (int x0 = 0; x0 < vw; x0 += LANES) {
                FloatVector delta = FloatVector.fromArray(SPECIES, sc.d, c * vw + x0)
                        .mul(FloatVector.fromArray(SPECIES, fire, m + x0));
                Stencils.storeCells(FloatVector.fromArray(SPECIES, s, r + x0).add(delta), updated, r + x0, x0, l.width());
            }
        }
    }

    private void maskRow(GridLayout l, float[] updated, float[] pre, float[] next, float[] alive, int b, int y) {
        int vw = l.vectorWidth();
        int m = l.mask(b, y);
        int alphaRow = l.row(b, NcaConfig.ALPHA, y);
        for (int x0 = 0; x0 < vw; x0 += LANES) {
            FloatVector post = Stencils.aboveInNeighbourhood(updated, alphaRow, l.rowStride(), x0, ALIVE);
            FloatVector both = post.mul(FloatVector.fromArray(SPECIES, pre, m + x0));
            Stencils.storeCells(both, alive, m + x0, x0, l.width());
            for (int c = 0; c < channels; c++) {
                int at = l.row(b, c, y) + 1 + x0;
                Stencils.storeCells(FloatVector.fromArray(SPECIES, updated, at).mul(both), next, at, x0, l.width());
            }
        }
    }

    private void backwardRow(GridLayout l, GridLayout perceived, float[] s, float[] fire, float[] alive, float[] g,
                             float[] gp, int b, int y, GradientSums.Task sums) {
        int vw = l.vectorWidth();
        int w = l.width();
        int m = l.mask(b, y);
        if (!anyNonZero(alive, m, w)) {
            return; // the step zeroed this row: no gradient flows through it
        }
        Scratch sc = scratch(l);
        for (int c = 0; c < channels; c++) {
            int r = l.row(b, c, y) + 1;
            for (int x0 = 0; x0 < vw; x0 += LANES) {
                FloatVector.fromArray(SPECIES, g, r + x0).mul(FloatVector.fromArray(SPECIES, alive, m + x0))
                        .mul(FloatVector.fromArray(SPECIES, fire, m + x0)).intoArray(sc.gd, c * vw + x0);
            }
        }
        perceive(l, s, b, y, sc.p);
        RowKernels.dense(sc.p, features, w1, b1, sc.h, paddedHidden, vw, vw, true);

        RowKernels.toCellMajor(sc.gd, paddedChannels, vw, w, sc.gdByCell, sums.w2Columns());
        RowKernels.accumulateOuter(sc.h, paddedHidden, vw, w, sc.gdByCell, sums.w2Columns(), sums.w2());
        RowKernels.accumulateRowSums(sc.gd, channels, vw, w, sums.b2());

        RowKernels.dense(sc.gd, channels, w2t, null, sc.gh, paddedHidden, vw, vw, false);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = 0; i < paddedHidden * vw; i += LANES) { // ReLU'
            FloatVector h = FloatVector.fromArray(SPECIES, sc.h, i);
            zero.blend(FloatVector.fromArray(SPECIES, sc.gh, i), h.compare(VectorOperators.GT, 0f)).intoArray(sc.gh, i);
        }
        RowKernels.toCellMajor(sc.gh, paddedHidden, vw, w, sc.gzByCell, sums.w1Columns());
        RowKernels.accumulateOuter(sc.p, paddedFeatures, vw, w, sc.gzByCell, sums.w1Columns(), sums.w1());
        RowKernels.accumulateRowSums(sc.gh, hidden, vw, w, sums.b1());

        RowKernels.dense(sc.gh, hidden, w1t, null, sc.gp, paddedFeatures, vw, vw, false);
        for (int f = 0; f < features; f++) {
            int r = perceived.row(b, f, y) + 1;
            for (int x0 = 0; x0 < vw; x0 += LANES) {
                Stencils.storeCells(FloatVector.fromArray(SPECIES, sc.gp, f * vw + x0), gp, r + x0, x0, w);
            }
        }
    }

    /**
     * The state gradient: the residual path (g·alive) plus perception's transpose. Identity is its
     * own transpose; the Sobel kernels are antisymmetric, so their transposes are the negated kernels.
     */
    private void stateGradientRow(GridLayout l, GridLayout perceived, float[] g, float[] alive, float[] gp,
                                  float[] gs, int b, int y) {
        int vw = l.vectorWidth();
        int stride = l.rowStride();
        int m = l.mask(b, y);
        for (int c = 0; c < channels; c++) {
            int r = l.row(b, c, y) + 1;
            int identity = perceived.row(b, 3 * c, y);
            int sobelX = perceived.row(b, 3 * c + 1, y);
            int sobelY = perceived.row(b, 3 * c + 2, y);
            for (int x0 = 0; x0 < vw; x0 += LANES) {
                FloatVector v = FloatVector.fromArray(SPECIES, g, r + x0).mul(FloatVector.fromArray(SPECIES, alive, m + x0))
                        .add(Stencils.centre(gp, identity, x0))
                        .sub(Stencils.sobelX(gp, sobelX, stride, x0))
                        .sub(Stencils.sobelY(gp, sobelY, stride, x0));
                Stencils.storeCells(v, gs, r + x0, x0, l.width());
            }
        }
    }

    private void perceive(GridLayout l, float[] s, int b, int y, float[] p) {
        int vw = l.vectorWidth();
        int stride = l.rowStride();
        for (int c = 0; c < channels; c++) {
            int r = l.row(b, c, y);
            int out = 3 * c * vw;
            for (int x0 = 0; x0 < vw; x0 += LANES) {
                Stencils.centre(s, r, x0).intoArray(p, out + x0);
                Stencils.sobelX(s, r, stride, x0).intoArray(p, out + vw + x0);
                Stencils.sobelY(s, r, stride, x0).intoArray(p, out + 2 * vw + x0);
            }
        }
    }

    /** Whether some cell within two rows has alpha above the threshold (else the row's output is zeroed). */
    private static boolean aliveWithinTwoRows(GridLayout l, float[] s, int b, int y) {
        for (int yy = Math.max(0, y - 2); yy <= Math.min(l.height() - 1, y + 2); yy++) {
            int r = l.row(b, NcaConfig.ALPHA, yy) + 1;
            for (int x = 0; x < l.width(); x++) {
                if (s[r + x] > ALIVE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyNonZero(float[] v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (v[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private Scratch scratch(GridLayout l) {
        Scratch sc = scratch.get();
        if (sc == null || sc.vectorWidth != l.vectorWidth() || sc.width != l.width()) {
            sc = new Scratch(l.vectorWidth(), l.width());
            scratch.set(sc);
        }
        return sc;
    }

    /** Per-thread row buffers (rows × vector width) and their cell-major copies. */
    private final class Scratch {
        final int vectorWidth;
        final int width;
        final float[] p;
        final float[] h;
        final float[] d;
        final float[] gd;
        final float[] gh;
        final float[] gp;
        final float[] gdByCell;
        final float[] gzByCell;

        Scratch(int vectorWidth, int width) {
            this.vectorWidth = vectorWidth;
            this.width = width;
            p = new float[paddedFeatures * vectorWidth];
            h = new float[paddedHidden * vectorWidth];
            d = new float[paddedChannels * vectorWidth];
            gd = new float[paddedChannels * vectorWidth];
            gh = new float[paddedHidden * vectorWidth];
            gp = new float[paddedFeatures * vectorWidth];
            gdByCell = new float[width * roundUp(paddedChannels, LANES)];
            gzByCell = new float[width * roundUp(paddedHidden, LANES)];
        }
    }
}
