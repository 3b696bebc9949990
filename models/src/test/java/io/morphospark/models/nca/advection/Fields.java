package io.morphospark.models.nca.advection;

import java.util.SplittableRandom;

/** Velocity and mass fields for transport tests. */
final class Fields {
    private Fields() {
    }

    static double[] uniform(SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(lo, hi);
        }
        return v;
    }

    static double relativeError(double[] before, double[] after) {
        return ConservationCheck.relativeError(before, after);
    }
}
