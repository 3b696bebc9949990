package io.morphospark.models.patterns.metrics;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.sim.Neighbourhood;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static float[] field(int w, int h, java.util.function.IntBinaryOperator f) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = f.applyAsInt(x, y);
            }
        }
        return v;
    }

    private static float[] sine(int w, int h, double kx, double ky) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (float) Math.sin(2 * Math.PI * (kx * x / w + ky * y / h));
            }
        }
        return v;
    }

    @Test
    void moransIOfCheckerboardStripesAndNoise() {
        float[] checker = field(16, 16, (x, y) -> (x + y) & 1);
        assertEquals(-1, MoransI.of(checker, 16, 16, Neighbourhood.VON_NEUMANN), 1e-12);
        // Queen weights see the 4 like diagonal neighbours too: they cancel the 4 unlike edges.
        assertEquals(0, MoransI.of(checker, 16, 16, Neighbourhood.MOORE), 1e-12);
        float[] halves = field(32, 32, (x, y) -> x < 16 ? 1 : 0);
        // 2 boundaries × 32 unlike pairs, each counted from both sides, of 4·1024 directed pairs.
        assertEquals(1 - 2.0 * 2 * 2 * 32 / (4 * 1024), MoransI.of(halves, 32, 32, Neighbourhood.VON_NEUMANN), 1e-12);
        SplittableRandom rng = new SplittableRandom(1);
        float[] noise = field(64, 64, (x, y) -> rng.nextInt(2));
        assertEquals(0, MoransI.of(noise, 64, 64, Neighbourhood.MOORE), 0.03);
        assertEquals(0, MoransI.of(new float[16], 4, 4, Neighbourhood.MOORE));
    }

    @Test
    void interfaceLengthCountsUnlikeEdgePairs() {
        assertEquals(1, InterfaceLength.of(bytes(field(8, 8, (x, y) -> (x + y) & 1)), 8, 8));
        assertEquals(0, InterfaceLength.of(new byte[64], 8, 8));
        // Two vertical boundaries (one wraps), each 10 pairs long, out of 2·20·10 pairs.
        assertEquals(20.0 / 400, InterfaceLength.of(bytes(field(20, 10, (x, y) -> x < 7 ? 1 : 0)), 20, 10), 1e-12);
    }

    private static byte[] bytes(float[] f) {
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = (byte) f[i];
        }
        return b;
    }

    @Test
    void radix2AndDirectTransformsAgree() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] re = new double[16];
        double[] im = new double[16];
        for (int i = 0; i < 16; i++) {
            re[i] = rng.nextGaussian();
            im[i] = rng.nextGaussian();
        }
        double[] re2 = re.clone();
        double[] im2 = im.clone();
        Fft.transform(re, im);
        Fft.directForTest(re2, im2);
        for (int i = 0; i < 16; i++) {
            assertEquals(re2[i], re[i], 1e-9);
            assertEquals(im2[i], im[i], 1e-9);
        }
    }

    @Test
    void dominantWavelengthOfPlaneWaves() {
        DominantWavelength d = DominantWavelength.of(sine(64, 64, 8, 0), 64, 64);
        assertEquals(8, d.wavelength(), 1e-9);
        assertTrue(d.peakShare() > 0.99);
        // Oblique and on a grid that is no power of two: |k| = √(3² + 4²) = 5 rings → 60 / 5.
        assertEquals(12, DominantWavelength.of(sine(60, 60, 3, 4), 60, 60).wavelength(), 1e-9);
        SplittableRandom rng = new SplittableRandom(2);
        float[] noise = field(64, 64, (x, y) -> rng.nextInt(2));
        assertTrue(DominantWavelength.of(noise, 64, 64).peakShare() < 0.15, "white noise has no dominant ring");
    }

    @Test
    void coherenceIsHighForStripesAndLowForSpotsAndNoise() {
        assertTrue(Anisotropy.coherence(sine(64, 64, 8, 0), 64, 64, 4) > 0.95);
        assertTrue(Anisotropy.coherence(sine(64, 64, 5, 5), 64, 64, 4) > 0.95, "orientation does not matter");
        float[] eggCrate = new float[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                eggCrate[y * 64 + x] = (float) (Math.cos(2 * Math.PI * 8 * x / 64) + Math.cos(2 * Math.PI * 8 * y / 64));
            }
        }
        assertTrue(Anisotropy.coherence(eggCrate, 64, 64, 4) < 0.2, "a lattice of spots is isotropic");
        SplittableRandom rng = new SplittableRandom(3);
        float[] noise = field(64, 64, (x, y) -> rng.nextInt(2));
        assertTrue(Anisotropy.coherence(noise, 64, 64, 3) < 0.2);
    }

    @Test
    void phaseWindingFindsTheCoreOfAVortexAndNothingInAPlaneWave() {
        int n = 12;
        int side = 32;
        float[] vortex = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double angle = Math.atan2(y - 15.5, x - 15.5) + Math.PI;
                vortex[y * side + x] = (int) Math.floor(angle / (2 * Math.PI) * n) % n;
            }
        }
        PhaseSingularities s = PhaseSingularities.ofCyclicStates(vortex, n, side, side);
        assertEquals(s.positive(), s.negative(), "on a torus windings balance");
        assertTrue(s.total() >= 2, "the core and its image across the torus seam");
        float[] wave = field(side, side, (x, y) -> (x * n / side + y * n / side) % n);
        assertEquals(0, PhaseSingularities.ofCyclicStates(wave, n, side, side).total());
        assertEquals(-1, PhaseSingularities.wrapped(11, 12));
        assertEquals(6, PhaseSingularities.wrapped(6, 12));
    }

    @Test
    void patternMetricsOfABinaryStripeFrame() {
        byte[] b = new byte[64 * 64];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i % 64) / 4 % 2);
        }
        PatternMetrics m = PatternMetrics.of(Frame.discrete(64, 64, 2, b));
        assertEquals(0.5, m.mass(), 1e-12);
        assertEquals(1, m.fateEntropy(), 1e-12);
        assertEquals(8, m.wavelength(), 1e-9);
        assertTrue(m.anisotropy() > 0.95);
        assertEquals(0, m.phaseSingularities());
        assertEquals(PatternMetrics.NAMES.length, m.toArray().length);
    }
}
