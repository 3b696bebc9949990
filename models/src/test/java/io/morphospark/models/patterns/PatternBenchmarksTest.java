package io.morphospark.models.patterns;

import org.junit.jupiter.api.Test;

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
}
