package io.morphospark.models.patterns;

import io.morphospark.models.patterns.sim.CyclicCaParams;
import io.morphospark.models.patterns.sim.CyclicCaSimulator;
import io.morphospark.models.patterns.sim.Neighbourhood;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameScheduleTest {

    /** The steps a simulator records: it asks the run spec after each step, as every simulator does. */
    private static List<Integer> recorded(FrameSchedule schedule, int steps) {
        RunSpec spec = new RunSpec(8, 8, steps, schedule, 1, 0);
        List<Integer> out = new ArrayList<>();
        for (int step = 0; step <= steps; step++) {
            if (spec.records(step)) {
                out.add(step);
            }
        }
        return out;
    }

    @Test
    void frameKOfFIsAtRoundKStepsOverFMinusOneForEveryStepsAndFrameCount() {
        List<Integer> stepCounts = new ArrayList<>();
        for (int s = 0; s <= 70; s++) {
            stepCounts.add(s);
        }
        stepCounts.addAll(List.of(99, 100, 101, 431, 1000, 4096, 5992));
        for (int steps : stepCounts) {
            for (int frames = 1; frames <= Math.min(steps + 1, 40); frames++) {
                FrameSchedule schedule = FrameSchedule.evenly(frames);
                List<Integer> got = recorded(schedule, steps);
                assertEquals(frames, got.size(), frames + " frames over " + steps + " steps: " + got);
                assertEquals(frames, schedule.count(steps));
                for (int k = 0; k < frames; k++) {
                    long expected = frames == 1 ? steps : Math.round(k * (double) steps / (frames - 1));
                    assertEquals(expected, (long) got.get(k), "frame " + k + " of " + frames + " over " + steps + " steps");
                    assertEquals(expected, schedule.step(k, steps));
                }
            }
        }
    }

    @Test
    void theIssuesTwoCasesAreEvenlySpaced() {
        assertEquals(List.of(0, 1997, 3995, 5992), recorded(FrameSchedule.evenly(4), 5992));
        List<Integer> twenty = recorded(FrameSchedule.evenly(20), 431);
        assertEquals(20, twenty.size());
        for (int k = 1; k < twenty.size(); k++) {
            int interval = twenty.get(k) - twenty.get(k - 1);
            assertTrue(interval == 22 || interval == 23, "431 / 19 = 22.7, so every interval is 22 or 23: " + twenty);
        }
    }

    @Test
    void moreFramesThanDistinctStepsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RunSpec(8, 8, 4, FrameSchedule.evenly(6), 1, 0));
        assertTrue(e.getMessage().contains("6 evenly spaced frames need at least 5 steps, got 4"), e.getMessage());
        new RunSpec(8, 8, 5, FrameSchedule.evenly(6), 1, 0); // exactly one frame per step is fine
        assertThrows(IllegalArgumentException.class, () -> FrameSchedule.evenly(0));
        assertThrows(IllegalArgumentException.class, () -> FrameSchedule.every(-1));
    }

    @Test
    void aStrideRecordsZeroEveryStrideAndTheLastStep() {
        assertEquals(List.of(0, 4, 8, 10), recorded(FrameSchedule.every(4), 10));
        assertEquals(List.of(0, 5, 10), recorded(FrameSchedule.every(5), 10));
        assertEquals(List.of(0, 10), recorded(FrameSchedule.FIRST_AND_LAST, 10));
        for (int steps = 0; steps < 30; steps++) {
            for (int stride = 0; stride <= steps + 1; stride++) {
                assertEquals(recorded(FrameSchedule.every(stride), steps).size(), FrameSchedule.every(stride).count(steps));
            }
        }
    }

    @Test
    void simulatorsRecordExactlyTheScheduledSteps() {
        List<Integer> steps = new ArrayList<>();
        new CyclicCaSimulator().run(new CyclicCaParams(5, 1, Neighbourhood.VON_NEUMANN),
                new RunSpec(16, 16, 10, FrameSchedule.evenly(4), 3, 0), (step, f) -> steps.add(step));
        assertEquals(List.of(0, 3, 7, 10), steps);
        steps.clear();
        new CyclicCaSimulator().run(new CyclicCaParams(5, 1, Neighbourhood.VON_NEUMANN),
                new RunSpec(16, 16, 10, FrameSchedule.evenly(1), 3, 0), (step, f) -> steps.add(step));
        assertEquals(List.of(10), steps, "one frame is the last step, not the start");
    }
}
