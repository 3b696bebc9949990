package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.FrameSchedule;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agents family: each label's samples have the metrics of their class, and the classes separate. */
class AgentPatternLabelsTest {
    private static final int PER_LABEL = 2;
    private static final PatternLabel[] LABELS = {PatternLabel.RANDOM, PatternLabel.CLUSTERED, PatternLabel.SPOTTED,
        PatternLabel.STRIPED, PatternLabel.SPIRAL};
    private static final Map<PatternLabel, List<PatternMetrics>> METRICS = new EnumMap<>(PatternLabel.class);

    @BeforeAll
    static void draw() {
        PatternGenerator g = new PatternGenerator(303, 40, 40, false, 0);
        for (PatternLabel label : LABELS) {
            List<PatternMetrics> m = new ArrayList<>();
            for (int i = 0; i < PER_LABEL; i++) {
                PatternSample s = g.sample(LabelRegion.of(label, "agents"), i, null, FrameSchedule.evenly(1), FrameSink.NONE);
                assertEquals(0, s.attempt(), label + " sample " + i + " needed a redraw");
                m.add(s.metrics());
            }
            METRICS.put(label, m);
        }
    }

    private static double max(PatternLabel label, java.util.function.ToDoubleFunction<PatternMetrics> f) {
        return METRICS.get(label).stream().mapToDouble(f).max().orElseThrow();
    }

    private static double min(PatternLabel label, java.util.function.ToDoubleFunction<PatternMetrics> f) {
        return METRICS.get(label).stream().mapToDouble(f).min().orElseThrow();
    }

    @Test
    void eachClassHasItsMetrics() {
        for (PatternMetrics m : METRICS.get(PatternLabel.RANDOM)) {
            assertEquals(0, m.moransI(), 0.08, "random: " + m);
            assertTrue(m.interfaceLength() > 0.3, "random: " + m);
        }
        for (PatternMetrics m : METRICS.get(PatternLabel.CLUSTERED)) {
            assertTrue(m.moransI() > 0.65 && m.interfaceLength() < 0.1, "clustered: " + m);
        }
        assertTrue(max(PatternLabel.CLUSTERED, PatternMetrics::interfaceLength)
                < min(PatternLabel.SPOTTED, PatternMetrics::interfaceLength), "clusters are larger than spots");
        for (PatternMetrics m : METRICS.get(PatternLabel.SPOTTED)) {
            assertTrue(m.moransI() > 0.3 && m.anisotropy() < 0.35, "spotted: " + m);
        }
        for (PatternMetrics m : METRICS.get(PatternLabel.STRIPED)) {
            assertTrue(m.anisotropy() > 0.5 && m.anisotropy() > max(PatternLabel.SPOTTED, PatternMetrics::anisotropy),
                    "striped: " + m);
        }
        for (PatternMetrics m : METRICS.get(PatternLabel.SPIRAL)) {
            assertTrue(m.phaseSingularities() > 0 && m.moransI() > 0.4, "spiral: " + m);
        }
        for (PatternLabel other : LABELS) {
            if (other != PatternLabel.SPIRAL) {
                METRICS.get(other).forEach(m -> assertEquals(0, m.phaseSingularities()));
            }
        }
    }

    @Test
    void familiesAreChosenPerLabel() {
        assertEquals("agents", LabelRegion.of(PatternLabel.SPOTTED, "agents").family());
        assertEquals("gray-scott", LabelRegion.of(PatternLabel.SPOTTED).family(), "the default family is unchanged");
        assertThrows(IllegalArgumentException.class, () -> LabelRegion.of(PatternLabel.LIFE, "agents"));
    }
}
