package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternGeneratorFramesTest {
    private final PatternGenerator generator = new PatternGenerator(5, 32, 40);

    @Test
    void handsTheSinkEvenlySpacedFramesEndingWithTheObservedFinalFrame() {
        List<Integer> steps = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        PatternSample s = generator.sample(PatternLabel.SPIRAL, 3, Map.of("states", 9.0, "steps", 300.0), 7,
                (step, f) -> {
                    steps.add(step);
                    frames.add(f);
                });
        assertEquals(7, steps.size());
        assertEquals(0, steps.get(0));
        assertEquals(300, steps.get(6));
        assertEquals(s.frame(), frames.get(6), "the last frame of the trajectory is the sample's observed final frame");
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1));
        }
        assertEquals(300, s.run().steps());
        assertEquals(9.0, s.values().get("states"));
    }

    @Test
    void sameValuesSameSampleWhateverElseIsAsked() {
        Map<String, Double> v = Map.of("density", 0.31, "steps", 50.0);
        PatternSample a = generator.sample(PatternLabel.LIFE, 11, v, 1, (step, f) -> { });
        PatternSample b = generator.sample(PatternLabel.LIFE, 11, v, 5, (step, f) -> { });
        assertEquals(a.frame(), b.frame(), "recording frames does not change the sample");
        assertEquals(0.31, a.values().get("density"));
    }

    @Test
    void aModelWithoutDynamicsHasOneFrame() {
        List<Integer> steps = new ArrayList<>();
        generator.sample(PatternLabel.RANDOM, 1, Map.of("density", 0.5), 20, (step, f) -> steps.add(step));
        assertEquals(List.of(0), steps);
    }

    @Test
    void missingOrBadValuesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> generator.sample(PatternLabel.SPOTTED, 1, Map.of("feed", 0.03, "steps", 100.0), 1, (s, f) -> { }));
        assertTrue(e.getMessage().contains("kill"), e.getMessage());
    }
}
