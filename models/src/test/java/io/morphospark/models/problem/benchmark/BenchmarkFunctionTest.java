package io.morphospark.models.problem.benchmark;

import io.morphospark.models.problem.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkFunctionTest {
    @Test
    void knownValues() {
        assertEquals(14, new Sphere(3).value(new double[] {1, 2, 3}), 0);
        assertEquals(0, new Rosenbrock(4).value(new double[] {1, 1, 1, 1}), 0);
        assertEquals(101, new Rosenbrock(2).value(new double[] {0, 1}), 0);
        assertEquals(0, new Rastrigin(5).value(new double[5]), 1e-12);
        assertEquals(1, new Rastrigin(1).value(new double[] {1}), 1e-12); // 10 + 1 − 10·cos 2π
    }

    @Test
    void fitnessIsMinusFAndTheMetricIsF() {
        Sphere s = new Sphere(2);
        Evaluation e = s.reduce(List.of(s.evaluateBlock(new double[] {3, 4}, null, 0, 1)));
        assertEquals(-25, e.fitness(), 0);
        assertEquals(List.of("f"), s.metricNames());
        assertEquals(25, e.metrics()[0], 0);
        Evaluation bad = s.reduce(List.of(s.evaluateBlock(new double[] {Double.NaN, 0}, null, 0, 1)));
        assertTrue(bad.invalid());
        assertEquals(Double.NEGATIVE_INFINITY, bad.fitness());
    }

    @Test
    void initialCandidatesLieInTheDomain() {
        Rastrigin r = new Rastrigin(50);
        double[] x = r.initialCandidate(new SplittableRandom(1));
        for (double v : x) {
            assertTrue(v >= -5.12 && v <= 5.12);
        }
        assertEquals(0.3 * 10.24, r.initialStepSize(), 1e-12);
        assertEquals("rosenbrock", BenchmarkFunction.named("rosenbrock", 3).name());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkFunction.named("ackley", 3));
        assertThrows(IllegalArgumentException.class, () -> new Sphere(0));
    }
}
