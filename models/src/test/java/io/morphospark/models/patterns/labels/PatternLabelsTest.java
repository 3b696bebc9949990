package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small samples of every label: their metrics behave as the class demands, and they separate. */
class PatternLabelsTest {
    private static final int PER_LABEL = 3;
    private static final Map<PatternLabel, List<PatternSample>> TRAIN = new EnumMap<>(PatternLabel.class);
    private static final Map<PatternLabel, List<PatternSample>> TEST = new EnumMap<>(PatternLabel.class);

    @BeforeAll
    static void draw() {
        PatternGenerator train = new PatternGenerator(101, 40, 48);
        PatternGenerator test = new PatternGenerator(202, 40, 48);
        for (PatternLabel label : PatternLabel.values()) {
            TRAIN.put(label, new ArrayList<>());
            TEST.put(label, new ArrayList<>());
            for (int i = 0; i < PER_LABEL; i++) {
                TRAIN.get(label).add(train.sample(label, i));
                TEST.get(label).add(test.sample(label, i));
            }
        }
    }

    private static List<PatternMetrics> metrics(PatternLabel label) {
        List<PatternMetrics> m = new ArrayList<>();
        for (PatternSample s : TRAIN.get(label)) {
            m.add(s.metrics());
        }
        for (PatternSample s : TEST.get(label)) {
            m.add(s.metrics());
        }
        return m;
    }

    @Test
    void randomFieldsHaveNoSpatialAutocorrelation() {
        for (PatternMetrics m : metrics(PatternLabel.RANDOM)) {
            assertEquals(0, m.moransI(), 0.05, m.toString());
            assertTrue(m.interfaceLength() > 0.3, m.toString());
        }
    }

    @Test
    void clusteredFieldsHaveHighMoransIAndShortInterfaces() {
        double randomInterface = metrics(PatternLabel.RANDOM).stream().mapToDouble(PatternMetrics::interfaceLength).min().orElseThrow();
        for (PatternMetrics m : metrics(PatternLabel.CLUSTERED)) {
            assertTrue(m.moransI() > 0.75, m.toString());
            assertTrue(m.interfaceLength() < 0.09 && m.interfaceLength() < randomInterface / 3, m.toString());
        }
    }

    @Test
    void stripesAreOrientedAndSpotsAreIsotropicWithAWavelength() {
        double maxSpotted = 0;
        for (PatternSample s : samples(PatternLabel.SPOTTED)) {
            PatternMetrics m = s.metrics();
            assertTrue(m.anisotropy() < 0.3, m.toString());
            assertTrue(m.spectralPeakShare() > 0.8, "one dominant length scale: " + m);
            assertTrue(m.wavelength() >= 8 && m.wavelength() <= s.frame().width() / 2.0, m.toString());
            maxSpotted = Math.max(maxSpotted, m.anisotropy());
        }
        for (PatternMetrics m : metrics(PatternLabel.STRIPED)) {
            assertTrue(m.anisotropy() > 0.35 && m.anisotropy() > maxSpotted, m.toString());
        }
    }

    @Test
    void spiralsHavePhaseSingularitiesAndOthersNone() {
        for (PatternMetrics m : metrics(PatternLabel.SPIRAL)) {
            assertTrue(m.phaseSingularities() > 0, "a winding number ≠ 0 somewhere: " + m);
            assertTrue(m.moransI() > 0.4, "smooth phase waves, not debris: " + m);
        }
        for (PatternLabel other : PatternLabel.values()) {
            if (other != PatternLabel.SPIRAL) {
                metrics(other).forEach(m -> assertEquals(0, m.phaseSingularities()));
            }
        }
    }

    /**
     * Features a label is read from: the frame's structure metrics, lengths relative to the grid.
     * Not the on-fraction: it varies inside classes by design (random densities span 0.2–0.8).
     * Spirals are read by the presence of a phase singularity (winding ≠ 0), not by their number,
     * which depends on how far coarsening has gone.
     */
    private static double[] features(PatternSample s) {
        PatternMetrics m = s.metrics();
        return new double[] {m.moransI(), m.interfaceLength(), m.spectralPeakShare(), m.anisotropy(),
            m.phaseSingularities() > 0 ? 1 : 0, m.wavelength() / s.frame().width()};
    }

    private static List<PatternSample> samples(PatternLabel label) {
        List<PatternSample> all = new ArrayList<>(TRAIN.get(label));
        all.addAll(TEST.get(label));
        return all;
    }

    @Test
    void labelsAreSeparableByTheirMetrics() {
        int d = features(TRAIN.get(PatternLabel.RANDOM).get(0)).length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        int n = 0;
        for (List<PatternSample> list : TRAIN.values()) {
            for (PatternSample s : list) {
                double[] f = features(s);
                for (int k = 0; k < d; k++) {
                    mean[k] += f[k];
                    sd[k] += f[k] * f[k];
                }
                n++;
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
            sd[k] = Math.sqrt(Math.max(1e-12, sd[k] / n - mean[k] * mean[k]));
        }
        Map<PatternLabel, double[]> centroid = new EnumMap<>(PatternLabel.class);
        TRAIN.forEach((label, list) -> {
            double[] c = new double[d];
            for (PatternSample s : list) {
                double[] f = features(s);
                for (int k = 0; k < d; k++) {
                    c[k] += (f[k] - mean[k]) / sd[k] / list.size();
                }
            }
            centroid.put(label, c);
        });
        TEST.forEach((label, list) -> {
            for (PatternSample s : list) {
                double[] f = features(s);
                PatternLabel best = null;
                double bestDistance = Double.MAX_VALUE;
                for (var e : centroid.entrySet()) {
                    double dist = 0;
                    for (int k = 0; k < d; k++) {
                        double z = (f[k] - mean[k]) / sd[k] - e.getValue()[k];
                        dist += z * z;
                    }
                    if (dist < bestDistance) {
                        bestDistance = dist;
                        best = e.getKey();
                    }
                }
                assertEquals(label, best, "nearest centroid of " + s.metrics());
            }
        });
    }

    @Test
    void samplesArePureFunctionsOfSeedLabelAndId() {
        PatternGenerator g = new PatternGenerator(101, 40, 48);
        PatternSample again = g.sample(PatternLabel.SPIRAL, 1);
        assertEquals(TRAIN.get(PatternLabel.SPIRAL).get(1).frame(), again.frame());
        assertEquals(TRAIN.get(PatternLabel.SPIRAL).get(1).params(), again.params());
        assertNotEquals(again.frame(), g.sample(PatternLabel.SPIRAL, 2).frame());
    }

    @Test
    void samplesVaryInsideTheirRegion() {
        for (PatternLabel label : PatternLabel.values()) {
            List<PatternSample> s = samples(label);
            assertTrue(s.stream().map(PatternSample::params).distinct().count() > 1, label + " parameters vary");
            assertTrue(s.stream().map(PatternSample::symmetry).distinct().count() > 1, label + " orientations vary");
        }
    }

    @Test
    void theEightSymmetriesOfTheSquareAreDistinctAndInvertible() {
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
        }
        Frame f = Frame.continuous(4, 4, v);
        java.util.Set<Frame> images = new java.util.HashSet<>();
        for (int s = 0; s < 8; s++) {
            images.add(Observation.transform(f, s));
        }
        assertEquals(8, images.size());
        Frame quarter = Observation.transform(f, 1);
        assertEquals(f, Observation.transform(Observation.transform(Observation.transform(quarter, 1), 1), 1));
        assertEquals(f, Observation.transform(Observation.transform(f, 4), 4), "a mirror is its own inverse");
        assertThrows(IllegalArgumentException.class, () -> Observation.transform(Frame.continuous(4, 5, new float[20]), 1));
        assertThrows(IllegalArgumentException.class, () -> new PatternGenerator(1, 16, 64));
    }
}
