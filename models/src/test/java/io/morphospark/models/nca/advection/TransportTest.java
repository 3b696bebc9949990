package io.morphospark.models.nca.advection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conservation by construction, the limiters' bounds, and the exact backward pass. */
class TransportTest {
    private static final int STEPS = 512;
    private static final TransportSettings CAPPED = TransportSettings.SEED;
    private static final TransportSettings UNCAPPED = new TransportSettings(0.25, 2, 0.08, Double.POSITIVE_INFINITY, 0.25);
    private static final Arena ARENA = new Arena(32, 32, 40, 1, 30);

    /** 512 steps of fresh random velocities in [−1, 1]², from every kind of pool sample, capped and uncapped. */
    @Test
    void everyPoolCategoryKeepsItsMassFor512Steps() {
        AdvectionPool pool = AdvectionPool.create(ARENA, 8, 5);
        for (TransportSettings settings : new TransportSettings[] {CAPPED, UNCAPPED}) {
            Transport transport = new Transport(settings, ARENA.height(), ARENA.width());
            for (int p = 0; p < pool.size(); p++) {
                double error = ConservationCheck.randomVelocities(transport, Formations.mass(pool.state(p)), STEPS,
                        new SplittableRandom(p));
                assertTrue(error <= 1e-5, pool.kind(p) + " capacity " + settings.capacity() + ": relative error " + error);
            }
        }
    }

    @Test
    void convergingAndDivergingFieldsKeepTheirMassFor512Steps() {
        int h = 32;
        int w = 32;
        SplittableRandom r = new SplittableRandom(1);
        for (TransportSettings settings : new TransportSettings[] {CAPPED, UNCAPPED}) {
            Transport transport = new Transport(settings, h, w);
            for (double sign : new double[] {1, -1}) {
                double[][] v = ConservationCheck.radialField(h, w, sign);
                for (double[] start : new double[][] {ConservationCheck.block(h, w, 16), Fields.uniform(r, h * w, 0, 1)}) {
                    double[] m = start;
                    for (int t = 0; t < STEPS; t++) {
                        m = transport.apply(m, v[0], v[1]);
                    }
                    double error = Fields.relativeError(start, m);
                    assertTrue(error <= 1e-5, (sign > 0 ? "converging" : "diverging") + ": relative error " + error);
                    assertBounds(m, settings);
                }
            }
        }
    }

    /** REFERENCE §3: the reference's clip rule destroys most of a converging block; ours keeps it all. */
    @Test
    void theReferenceClipRuleLosesMassWhereFlowConverges() {
        int n = 64;
        double[][] v = ConservationCheck.radialField(n, n, 1);
        double[] start = ConservationCheck.block(n, n, 16);
        double[] clipped = start;
        double[] ours = start;
        double[] uncapped = start;
        Transport capped = new Transport(new TransportSettings(0.25, 2, 0, 1, 0), n, n);
        Transport free = new Transport(new TransportSettings(0.25, 2, 0, Double.POSITIVE_INFINITY, 0), n, n);
        for (int step = 0; step < 20; step++) {
            for (int s = 0; s < 2; s++) {
                clipped = ReferenceClipRule.pass(clipped, v[0], v[1], 0.25, n, n);
            }
            ours = capped.apply(ours, v[0], v[1]);
            uncapped = free.apply(uncapped, v[0], v[1]);
        }
        double lost = 1 - Transport.total(clipped) / Transport.total(start);
        System.out.printf("converging 16x16 block, 20 steps of 2 x dt 0.25: clip rule loses %.1f %%; ours %.2e (capped), "
                + "%.2e (uncapped)%n", 100 * lost, Fields.relativeError(start, ours), Fields.relativeError(start, uncapped));
        assertTrue(lost > 0.5, "the clip rule loses most of the block: " + lost);
        assertTrue(Fields.relativeError(start, ours) <= 1e-12);
        assertTrue(Fields.relativeError(start, uncapped) <= 1e-12);
    }

    @Test
    void aCellNeverSendsMoreThanItHolds() {
        int h = 6;
        int w = 6;
        SplittableRandom r = new SplittableRandom(3);
        double[] m = Fields.uniform(r, h * w, 0, 1);
        // velocities far beyond [−1, 1]: unlimited upwind fluxes would send up to 4× a cell's mass
        Transport t = new Transport(new TransportSettings(0.5, 1, 0, Double.POSITIVE_INFINITY, 0), h, w);
        double[] next = t.apply(m, Fields.uniform(r, h * w, -8, 8), Fields.uniform(r, h * w, -8, 8));
        for (double v : next) {
            assertTrue(v >= -1e-15, "no negative mass: " + v);
        }
        assertEquals(Transport.total(m), Transport.total(next), 1e-12);
    }

    @Test
    void aFullCellReceivesNothing() {
        int h = 1;
        int w = 3;
        double[] m = {1, 1, 0};
        // everything flows right: the middle cell is full, so the left one cannot send; the middle one can
        double[] next = new Transport(new TransportSettings(0.25, 1, 0, 1, 0), h, w)
                .apply(m, new double[] {1, 1, 1}, new double[3]);
        assertEquals(1.0, next[0], 1e-15);
        assertEquals(0.75, next[1], 1e-15);
        assertEquals(0.25, next[2], 1e-15);
    }

    /** The VJP against central differences, with the capacity and source limiters active. */
    @Test
    void backwardMatchesFiniteDifferences() {
        int h = 5;
        int w = 4;
        SplittableRandom r = new SplittableRandom(11);
        for (TransportSettings settings : new TransportSettings[] {CAPPED, UNCAPPED,
                new TransportSettings(0.5, 2, 0.25, 0.9, 0)}) {
            Transport t = new Transport(settings, h, w);
            double[] m = Fields.uniform(r, h * w, 0.05, 0.95);
            double speed = settings.dt() == 0.5 ? 1.6 : 1; // > 1 with dt 0.5: the source limiter acts
            double[] ux = Fields.uniform(r, h * w, -speed, speed);
            double[] uy = Fields.uniform(r, h * w, -speed, speed);
            double[] weights = Fields.uniform(r, h * w, -1, 1);
            double[] gm = new double[h * w];
            double[] out = t.apply(m, ux, uy);
            for (int i = 0; i < gm.length; i++) {
                gm[i] = weights[i] + out[i]; // L = Σ w·m' + ½ Σ m'²
            }
            double[] gux = new double[h * w];
            double[] guy = new double[h * w];
            double[] gMass = t.backward(m, ux, uy, gm, gux, guy);
            double eps = 1e-6;
            for (int i = 0; i < h * w; i++) {
                assertClose(numeric(t, m, ux, uy, weights, m, i, eps), gMass[i], "mass " + i);
                assertClose(numeric(t, m, ux, uy, weights, ux, i, eps), gux[i], "ux " + i);
                assertClose(numeric(t, m, ux, uy, weights, uy, i, eps), guy[i], "uy " + i);
            }
        }
    }

    private static double numeric(Transport t, double[] m, double[] ux, double[] uy, double[] weights, double[] wrt, int i,
                                  double eps) {
        double original = wrt[i];
        wrt[i] = original + eps;
        double plus = loss(t.apply(m, ux, uy), weights);
        wrt[i] = original - eps;
        double minus = loss(t.apply(m, ux, uy), weights);
        wrt[i] = original;
        return (plus - minus) / (2 * eps);
    }

    private static double loss(double[] m, double[] weights) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += weights[i] * m[i] + 0.5 * m[i] * m[i];
        }
        return s;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-7 + 1e-5 * Math.abs(expected), what);
    }

    private static void assertBounds(double[] m, TransportSettings settings) {
        for (double v : m) {
            assertTrue(v >= -1e-12, "mass stays non-negative: " + v);
            if (settings.capped()) {
                assertTrue(v <= settings.capacity() + 1e-9, "mass stays at or below the capacity: " + v);
            }
        }
    }
}
