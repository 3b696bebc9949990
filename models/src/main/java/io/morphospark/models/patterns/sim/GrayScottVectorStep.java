package io.morphospark.models.patterns.sim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static io.morphospark.models.patterns.sim.GrayScottSimulator.DIAGONAL;
import static io.morphospark.models.patterns.sim.GrayScottSimulator.EDGE;

/**
 * The Gray–Scott step with the JDK Vector API, {@link #LANES} cells at a time, in its own class so
 * that a JVM without {@code jdk.incubator.vector} never links it ({@link GrayScottSimulator#VECTOR_API}).
 * Each lane performs exactly the scalar loop's operations in the same order, with no FMA (a fused
 * multiply-add rounds once where the scalar code rounds twice), so every cell is bit-identical to
 * {@link ReferenceGrayScott} whatever the vector width; the cells of a row past the last whole vector
 * take the scalar loop.
 */
final class GrayScottVectorStep {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    private GrayScottVectorStep() {
    }

    static void step(float[] u, float[] v, float[] nu, float[] nv, int w, int h,
                     float feed, float kill, float du, float dv, float dt) {
        final int s = PeriodicHalo.stride(w);
        final float decay = feed + kill;
        final int vectorEnd = w - w % LANES;
        for (int y = 1; y <= h; y++) {
            final int row = y * s + 1;
            for (int x = 0; x < vectorEnd; x += LANES) {
                int i = row + x;
                FloatVector uc = FloatVector.fromArray(SPECIES, u, i);
                FloatVector vc = FloatVector.fromArray(SPECIES, v, i);
                FloatVector lu = laplacian(u, i, s, uc);
                FloatVector lv = laplacian(v, i, s, vc);
                FloatVector uvv = uc.mul(vc).mul(vc);
                // nu = uc + dt·((du·lu − uvv) + feed·(1 − uc)), nv = vc + dt·((dv·lv + uvv) − decay·vc)
                uc.add(lu.mul(du).sub(uvv).add(ONE.sub(uc).mul(feed)).mul(dt)).intoArray(nu, i);
                vc.add(lv.mul(dv).add(uvv).sub(vc.mul(decay)).mul(dt)).intoArray(nv, i);
            }
            if (vectorEnd < w) {
                GrayScottSimulator.scalarCells(u, v, nu, nv, row + vectorEnd, row + w, s, feed, kill, du, dv, dt);
            }
            // GrayScottSimulator.wrapRow written out: as a call it cost a third of the step's time here
            nu[row - 1] = nu[row + w - 1];
            nu[row + w] = nu[row];
            nv[row - 1] = nv[row + w - 1];
            nv[row + w] = nv[row];
        }
        GrayScottSimulator.wrapRows(nu, nv, w, h);
    }

    /** Sims's 9-point stencil as the scalar loop sums it: ((e₁+e₂)+e₃)+e₄ edges, likewise diagonals. */
    private static FloatVector laplacian(float[] a, int i, int s, FloatVector centre) {
        FloatVector edges = FloatVector.fromArray(SPECIES, a, i - 1).add(FloatVector.fromArray(SPECIES, a, i + 1))
                .add(FloatVector.fromArray(SPECIES, a, i - s)).add(FloatVector.fromArray(SPECIES, a, i + s));
        FloatVector diagonals = FloatVector.fromArray(SPECIES, a, i - s - 1).add(FloatVector.fromArray(SPECIES, a, i - s + 1))
                .add(FloatVector.fromArray(SPECIES, a, i + s - 1)).add(FloatVector.fromArray(SPECIES, a, i + s + 1));
        return edges.mul(EDGE).add(diagonals.mul(DIAGONAL)).sub(centre);
    }
}
