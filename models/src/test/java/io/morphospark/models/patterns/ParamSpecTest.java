package io.morphospark.models.patterns;

import io.morphospark.models.patterns.labels.LabelRegion;
import io.morphospark.models.patterns.labels.PatternGenerator;
import io.morphospark.models.patterns.labels.PatternSample;
import io.morphospark.models.patterns.sim.GrayScottParams;
import io.morphospark.models.patterns.sim.GrayScottSimulator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamSpecTest {

    @Test
    void messagesNameTheParameterAndItsValidValues() {
        assertEquals("states must be a whole number in [3, 64], got 2",
                assertThrows(IllegalArgumentException.class, () -> ParamSpec.integer("states", 3, 64).check(2)).getMessage());
        assertEquals("states must be a whole number in [3, 64], got 9.5",
                assertThrows(IllegalArgumentException.class, () -> ParamSpec.integer("states", 3, 64).check(9.5)).getMessage());
        assertEquals("alpha must lie in (0, ∞), got 0",
                assertThrows(IllegalArgumentException.class, () -> ParamSpec.positive("alpha").check(0.0)).getMessage());
        assertEquals("density must be a finite number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> ParamSpec.probability("density").check(Double.NaN)).getMessage());
        assertNull(ParamSpec.probability("density").problem(1));
        assertEquals(10, ParamSpec.integer("states", 3, 64).resolve(9.5), "a draw rounds half up, as the sweep sampler's values do");
    }

    /** Every label's default range lies inside what its model accepts. */
    @Test
    void everyDefaultRangeIsValid() {
        for (LabelRegion r : LabelRegion.values()) {
            Map<String, ParamSpec> specs = r.parameters();
            r.defaults().forEach((name, range) -> {
                assertNull(specs.get(name).problem(range[0]), r + "." + name);
                assertNull(specs.get(name).problem(range[1]), r + "." + name);
            });
        }
    }

    /**
     * What the validator accepts, the simulators run: every parameter of every label at both ends
     * of its valid values (a large finite stand-in for ∞), on a small grid, gives a finite frame;
     * and one step beyond either end is refused by the model itself, naming the parameter.
     */
    @Test
    void everyParameterRunsAtBothEndsOfItsValidValuesAndIsRefusedBeyond() {
        PatternGenerator generator = new PatternGenerator(3, 32, 32);
        for (LabelRegion r : LabelRegion.values()) {
            for (Map.Entry<String, ParamSpec> e : r.parameters().entrySet()) {
                ParamSpec spec = e.getValue();
                boolean steps = spec.name().equals("steps");
                double lo = spec.loOpen() ? Math.nextUp(spec.lo()) : spec.lo();
                double hi = steps ? 200 : Double.isInfinite(spec.hi()) ? 1e6 : spec.hi();
                for (double v : new double[] {lo, hi}) {
                    PatternSample s = generator.sample(r, 1, values(r, spec.name(), v), FrameSchedule.evenly(1), (step, f) -> { });
                    for (float x : s.frame().values()) {
                        assertTrue(Float.isFinite(x), r + " with " + spec.name() + " = " + v + " gives a non-finite cell");
                    }
                }
                double below = spec.integer() ? spec.lo() - 1 : spec.loOpen() ? spec.lo() : Math.nextDown(spec.lo());
                var ex = assertThrows(IllegalArgumentException.class,
                        () -> generator.sample(r, 1, values(r, spec.name(), below), FrameSchedule.evenly(1), (step, f) -> { }));
                assertTrue(ex.getMessage().contains(spec.name()), ex.getMessage());
                if (Double.isFinite(spec.hi()) && !steps) {
                    double above = spec.integer() ? spec.hi() + 1 : Math.nextUp(spec.hi());
                    ex = assertThrows(IllegalArgumentException.class,
                            () -> generator.sample(r, 1, values(r, spec.name(), above), FrameSchedule.evenly(1), (step, f) -> { }));
                    assertTrue(ex.getMessage().contains(spec.name()), ex.getMessage());
                }
            }
        }
    }

    /** Gray–Scott's declared (F, k) box stays finite over a dataset-length run at each of its corners. */
    @Test
    void grayScottStaysFiniteAtEveryCornerOfItsDeclaredBox() {
        for (double feed : new double[] {GrayScottParams.FEED.lo(), GrayScottParams.FEED.hi()}) {
            for (double kill : new double[] {GrayScottParams.KILL.lo(), GrayScottParams.KILL.hi()}) {
                Frame f = new GrayScottSimulator().run(GrayScottParams.sims(feed, kill), RunSpec.of(32, 5000, 1, 0));
                for (float x : f.values()) {
                    assertTrue(Float.isFinite(x) && x > -1 && x < 2, "F " + feed + ", k " + kill + ": " + x);
                }
            }
        }
    }

    /** The default region's midpoints (few steps, to stay quick), with one parameter set to {@code v}. */
    private static Map<String, Double> values(LabelRegion r, String name, double v) {
        Map<String, Double> m = new HashMap<>();
        r.defaults().forEach((n, range) -> m.put(n, n.equals("steps") ? 60.0 : (range[0] + range[1]) / 2));
        m.put(name, v);
        return m;
    }
}
