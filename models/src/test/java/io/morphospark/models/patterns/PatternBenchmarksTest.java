package io.morphospark.models.patterns;

import io.morphospark.models.patterns.labels.PatternLabel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only that the benchmarks run and report a rate; no timing assertions on a shared machine. */
class PatternBenchmarksTest {
    @Test
    void benchmarksReportAPositiveRate() {
        assertTrue(PatternBenchmarks.gameOfLife(0.05) > 0);
        assertTrue(PatternBenchmarks.grayScott(0.05) > 0);
        assertThrows(IllegalArgumentException.class, () -> PatternBenchmarks.gameOfLife(0));
    }

    @Test
    void kernelBenchmarksMeasureBothImplementations() {
        for (PatternBenchmarks.Kernel k : PatternBenchmarks.Kernel.values()) {
            assertTrue(PatternBenchmarks.grayScott(0.02, 20, k) > 0, k.name());
            assertTrue(PatternBenchmarks.cellularPotts(0.02, 20, k) > 0, k.name());
        }
        assertThrows(IllegalArgumentException.class, () -> PatternBenchmarks.cellularPotts(0, 20, PatternBenchmarks.Kernel.FAST));
    }

    @Test
    void sampleRateCountsWholeSamples() {
        PatternBenchmarks.SampleRate r = PatternBenchmarks.samples(PatternLabel.RANDOM, 3);
        assertEquals(3, r.samples());
        assertTrue(r.perSecond() > 0);
        assertEquals(1.0, r.attemptsPerSample(), "Bernoulli fields are never rejected");
        assertThrows(IllegalArgumentException.class, () -> PatternBenchmarks.samples(PatternLabel.RANDOM, 0));
    }
}
