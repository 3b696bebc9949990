package io.morphospark.models.nca.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The arithmetic of a CA step over one row of cells, in structure-of-arrays form: a row buffer
 * holds {@code rows} feature rows of {@code stride} floats, cell x of feature i at {@code i·stride + x},
 * so SIMD lanes run along the cells and every weight is a broadcast scalar.
 *
 * <p>Why hand-written: the per-cell MLP is two small GEMMs per step ([cells×48]·[48×128] and
 * [cells×128]·[128×16]) and ND4J's GEMM reached only 5–8 GFLOP/s on these tall-skinny shapes here.
 * Register blocking (4 outputs × 2 cell vectors = 8 accumulators, each loaded vector used 4 times)
 * keeps the FMA units busy instead of the load ports. See docs/BENCHMARKS.md for the figures.
 */
final class RowKernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Outputs computed together by {@link #dense}. */
    static final int OUT_BLOCK = 4;

    private RowKernels() {
    }

    static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /**
     * Weights w[i][o] (row-major, {@code inputs × outputs}) regrouped for {@link #dense}: for each block
     * of {@link #OUT_BLOCK} outputs, its weights input by input; outputs past {@code outputs} get zeros.
     */
    static float[] blockWeights(double[] w, int inputs, int outputs) {
        int padded = roundUp(outputs, OUT_BLOCK);
        float[] blocked = new float[padded * inputs];
        for (int o = 0; o < outputs; o++) {
            int block = o / OUT_BLOCK;
            for (int i = 0; i < inputs; i++) {
                blocked[(block * inputs + i) * OUT_BLOCK + o % OUT_BLOCK] = (float) w[i * outputs + o];
            }
        }
        return blocked;
    }

    /** The transpose of a row-major {@code rows × cols} matrix, as row-major {@code cols × rows}. */
    static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * out[o][x] = bias[o] + Σ_i w[i][o]·in[i][x] for every output o of the padded count (a multiple of
     * {@link #OUT_BLOCK}) and x in [0, width), width a multiple of 2·{@link #LANES}; ReLU if asked.
     * {@code bias} may be null (zero).
     */
    static void dense(float[] in, int inputs, float[] blocked, float[] bias, float[] out, int paddedOutputs,
                      int stride, int width, boolean relu) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int o = 0; o < paddedOutputs; o += OUT_BLOCK) {
            int w = o * inputs;
            float c0 = bias == null ? 0 : bias[o];
            float c1 = bias == null ? 0 : bias[o + 1];
            float c2 = bias == null ? 0 : bias[o + 2];
            float c3 = bias == null ? 0 : bias[o + 3];
            for (int x = 0; x < width; x += 2 * LANES) {
                FloatVector a0 = FloatVector.broadcast(SPECIES, c0);
                FloatVector b0 = a0;
                FloatVector a1 = FloatVector.broadcast(SPECIES, c1);
                FloatVector b1 = a1;
                FloatVector a2 = FloatVector.broadcast(SPECIES, c2);
                FloatVector b2 = a2;
                FloatVector a3 = FloatVector.broadcast(SPECIES, c3);
                FloatVector b3 = a3;
                for (int i = 0, row = x, k = w; i < inputs; i++, row += stride, k += OUT_BLOCK) {
                    FloatVector p = FloatVector.fromArray(SPECIES, in, row);
                    FloatVector q = FloatVector.fromArray(SPECIES, in, row + LANES);
                    FloatVector w0 = FloatVector.broadcast(SPECIES, blocked[k]);
                    a0 = p.fma(w0, a0);
                    b0 = q.fma(w0, b0);
                    FloatVector w1 = FloatVector.broadcast(SPECIES, blocked[k + 1]);
                    a1 = p.fma(w1, a1);
                    b1 = q.fma(w1, b1);
                    FloatVector w2 = FloatVector.broadcast(SPECIES, blocked[k + 2]);
                    a2 = p.fma(w2, a2);
                    b2 = q.fma(w2, b2);
                    FloatVector w3 = FloatVector.broadcast(SPECIES, blocked[k + 3]);
                    a3 = p.fma(w3, a3);
                    b3 = q.fma(w3, b3);
                }
                if (relu) {
                    a0 = a0.max(zero);
                    b0 = b0.max(zero);
                    a1 = a1.max(zero);
                    b1 = b1.max(zero);
                    a2 = a2.max(zero);
                    b2 = b2.max(zero);
                    a3 = a3.max(zero);
                    b3 = b3.max(zero);
                }
                int r = o * stride + x;
                a0.intoArray(out, r);
                b0.intoArray(out, r + LANES);
                a1.intoArray(out, r + stride);
                b1.intoArray(out, r + stride + LANES);
                a2.intoArray(out, r + 2 * stride);
                b2.intoArray(out, r + 2 * stride + LANES);
                a3.intoArray(out, r + 3 * stride);
                b3.intoArray(out, r + 3 * stride + LANES);
            }
        }
    }

    /**
     * Cell-major copy of a row buffer: dst[x·dstStride + i] = src[i·stride + x] for i &lt; rows,
     * x &lt; cells (the layout weight gradients accumulate from, lanes along outputs).
     */
    static void toCellMajor(float[] src, int rows, int stride, int cells, float[] dst, int dstStride) {
        for (int i = 0; i < rows; i++) {
            for (int x = 0, s = i * stride; x < cells; x++, s++) {
                dst[x * dstStride + i] = src[s];
            }
        }
    }

    /**
     * g[i][o] += Σ_{x &lt; cells} a[i][x]·bt[x][o]: the weight gradient of a dense layer over one row,
     * a in row layout ({@code rows} even, stride {@code stride}), bt cell-major with {@code outputs}
     * a multiple of {@link #LANES}; g row-major with {@code outputs} columns.
     */
    static void accumulateOuter(float[] a, int rows, int stride, int cells, float[] bt, int outputs, float[] g) {
        for (int i = 0; i < rows; i += 2) {
            int ra = i * stride;
            int rb = ra + stride;
            int o = 0;
            for (; o + 4 * LANES <= outputs; o += 4 * LANES) {
                outer4(a, ra, rb, cells, bt, outputs, o, g, i);
            }
            for (; o < outputs; o += LANES) {
                outer1(a, ra, rb, cells, bt, outputs, o, g, i);
            }
        }
    }

    /** Rows i, i+1 of g, four output vectors from column o: 8 accumulators over the row's cells. */
    private static void outer4(float[] a, int ra, int rb, int cells, float[] bt, int outputs, int o, float[] g, int i) {
        FloatVector p0 = FloatVector.zero(SPECIES);
        FloatVector p1 = p0;
        FloatVector p2 = p0;
        FloatVector p3 = p0;
        FloatVector q0 = p0;
        FloatVector q1 = p0;
        FloatVector q2 = p0;
        FloatVector q3 = p0;
        for (int x = 0, k = o; x < cells; x++, k += outputs) {
            FloatVector u = FloatVector.broadcast(SPECIES, a[ra + x]);
            FloatVector v = FloatVector.broadcast(SPECIES, a[rb + x]);
            FloatVector t0 = FloatVector.fromArray(SPECIES, bt, k);
            FloatVector t1 = FloatVector.fromArray(SPECIES, bt, k + LANES);
            FloatVector t2 = FloatVector.fromArray(SPECIES, bt, k + 2 * LANES);
            FloatVector t3 = FloatVector.fromArray(SPECIES, bt, k + 3 * LANES);
            p0 = t0.fma(u, p0);
            p1 = t1.fma(u, p1);
            p2 = t2.fma(u, p2);
            p3 = t3.fma(u, p3);
            q0 = t0.fma(v, q0);
            q1 = t1.fma(v, q1);
            q2 = t2.fma(v, q2);
            q3 = t3.fma(v, q3);
        }
        int gi = i * outputs + o;
        int gj = gi + outputs;
        addInto(g, gi, p0);
        addInto(g, gi + LANES, p1);
        addInto(g, gi + 2 * LANES, p2);
        addInto(g, gi + 3 * LANES, p3);
        addInto(g, gj, q0);
        addInto(g, gj + LANES, q1);
        addInto(g, gj + 2 * LANES, q2);
        addInto(g, gj + 3 * LANES, q3);
    }

    private static void outer1(float[] a, int ra, int rb, int cells, float[] bt, int outputs, int o, float[] g, int i) {
        FloatVector p = FloatVector.zero(SPECIES);
        FloatVector q = p;
        for (int x = 0, k = o; x < cells; x++, k += outputs) {
            FloatVector t = FloatVector.fromArray(SPECIES, bt, k);
            p = t.fma(FloatVector.broadcast(SPECIES, a[ra + x]), p);
            q = t.fma(FloatVector.broadcast(SPECIES, a[rb + x]), q);
        }
        addInto(g, i * outputs + o, p);
        addInto(g, (i + 1) * outputs + o, q);
    }

    private static void addInto(float[] g, int at, FloatVector v) {
        FloatVector.fromArray(SPECIES, g, at).add(v).intoArray(g, at);
    }

    /** Σ_x row[x] over [0, cells) of each row, added to sums[i]: bias gradients. */
    static void accumulateRowSums(float[] rows, int count, int stride, int cells, float[] sums) {
        for (int i = 0; i < count; i++) {
            float s = 0;
            for (int x = 0, k = i * stride; x < cells; x++, k++) {
                s += rows[k];
            }
            sums[i] += s;
        }
    }
}
