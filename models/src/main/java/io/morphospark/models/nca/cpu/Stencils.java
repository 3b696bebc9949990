package io.morphospark.models.nca.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import static io.morphospark.models.nca.cpu.RowKernels.LANES;
import static io.morphospark.models.nca.cpu.RowKernels.SPECIES;

/**
 * The 3×3 stencils of a step on a bordered grid ({@link GridLayout}): Sobel-x and Sobel-y (÷8, as
 * cross-correlations, like {@code Perception}) and the neighbourhood max of the alive rule, each for
 * {@link RowKernels#LANES} cells starting at x0 of the row whose left border is at {@code row}.
 */
final class Stencils {
    private Stencils() {
    }

    static FloatVector centre(float[] g, int row, int x0) {
        return FloatVector.fromArray(SPECIES, g, row + x0 + 1);
    }

    static FloatVector sobelX(float[] g, int row, int stride, int x0) {
        int up = row - stride + x0;
        int mid = row + x0;
        int down = row + stride + x0;
        FloatVector u = load(g, up + 2).sub(load(g, up));
        FloatVector m = load(g, mid + 2).sub(load(g, mid));
        FloatVector d = load(g, down + 2).sub(load(g, down));
        return u.add(m.add(m)).add(d).mul(0.125f);
    }

    static FloatVector sobelY(float[] g, int row, int stride, int x0) {
        int up = row - stride + x0;
        int down = row + stride + x0;
        FloatVector u = load(g, up).add(load(g, up + 1).mul(2f)).add(load(g, up + 2));
        FloatVector d = load(g, down).add(load(g, down + 1).mul(2f)).add(load(g, down + 2));
        return d.sub(u).mul(0.125f);
    }

    /** 1 where the max of the 3×3 neighbourhood exceeds the threshold, else 0. */
    static FloatVector aboveInNeighbourhood(float[] g, int row, int stride, int x0, float threshold) {
        FloatVector max = rowMax(g, row - stride + x0).max(rowMax(g, row + x0)).max(rowMax(g, row + stride + x0));
        VectorMask<Float> alive = max.compare(jdk.incubator.vector.VectorOperators.GT, threshold);
        return FloatVector.zero(SPECIES).blend(1f, alive);
    }

    private static FloatVector rowMax(float[] g, int at) {
        return load(g, at).max(load(g, at + 1)).max(load(g, at + 2));
    }

    private static FloatVector load(float[] g, int at) {
        return FloatVector.fromArray(SPECIES, g, at);
    }

    /** Stores the cells of a vector that lie inside the grid (x &lt; width), keeping the padding zero. */
    static void storeCells(FloatVector v, float[] g, int at, int x0, int width) {
        if (x0 + LANES <= width) {
            v.intoArray(g, at);
        } else {
            v.intoArray(g, at, SPECIES.indexInRange(x0, width));
        }
    }
}
