package io.morphospark.models.optim;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MuPlusLambdaEsTest {
    /** Maximise −‖x − 1‖². */
    static final class ShiftedSphere implements Problem {
        record Value(int firstReplicate, int count, double value) implements BlockResult {
        }

        @Override public String name() { return "shifted-sphere"; }
        @Override public int dimension() { return 5; }
        @Override public int replicates() { return 1; }
        @Override public double[] initialCandidate(RandomGenerator rng) {
            double[] x = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = rng.nextGaussian();
            }
            return x;
        }
        @Override public BlockResult evaluateBlock(double[] c, EvaluationKey key, int first, int count) {
            double s = 0;
            for (double v : c) {
                s += (v - 1) * (v - 1);
            }
            return new Value(first, count, -s);
        }
        @Override public Evaluation reduce(List<BlockResult> blocks) {
            return Evaluation.of(((Value) blocks.get(0)).value(), new double[0]);
        }
        @Override public List<String> metricNames() { return List.of(); }
        @Override public long cellStepsPerReplicate() { return 0; }
    }

    private static double[] evaluate(Problem p, Population pop) {
        double[] f = new double[pop.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = p.reduce(List.of(p.evaluateBlock(pop.candidate(i), null, 0, 1))).fitness();
        }
        return f;
    }

    @Test
    void keepsTheBestParentsUnchangedAndImproves() {
        Problem p = new ShiftedSphere();
        MuPlusLambdaEs es = new MuPlusLambdaEs(p, 20, 4, 0.1, 42);
        double first = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < 60; g++) {
            Population pop = es.ask();
            assertEquals(g, pop.generation());
            double[] f = evaluate(p, pop);
            if (g == 0) {
                first = java.util.Arrays.stream(f).max().orElseThrow();
                assertTrue(java.util.Arrays.stream(pop.parents()).allMatch(i -> i == -1));
            } else {
                // elitism: the kept parents score at least the previous best (deterministic problem)
                assertTrue(f[0] >= best - 1e-15);
            }
            best = java.util.Arrays.stream(f).max().orElseThrow();
            es.tell(f);
        }
        assertTrue(best > first + 1.0 && best > -0.05, "best " + best + " from " + first);
    }

    @Test
    void sameSeedSamePopulations() {
        Problem p = new ShiftedSphere();
        MuPlusLambdaEs a = new MuPlusLambdaEs(p, 10, 2, 0.3, 7);
        MuPlusLambdaEs b = new MuPlusLambdaEs(p, 10, 2, 0.3, 7);
        for (int g = 0; g < 5; g++) {
            Population pa = a.ask();
            Population pb = b.ask();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.candidate(i), pb.candidate(i));
            }
            assertArrayEquals(pa.parents(), pb.parents());
            double[] f = evaluate(p, pa);
            a.tell(f);
            b.tell(f);
        }
    }

    @Test
    void nanFitnessIsNeverSelected() {
        Problem p = new ShiftedSphere();
        MuPlusLambdaEs es = new MuPlusLambdaEs(p, 4, 2, 0.1, 1);
        es.ask();
        es.tell(new double[] {Double.NaN, -3, Double.NaN, -5});
        Population next = es.ask();
        assertArrayEquals(new int[] {1, 3}, java.util.Arrays.copyOf(next.parents(), 2));
    }

    @Test
    void rejectsBadSettingsAndOutOfOrderCalls() {
        Problem p = new ShiftedSphere();
        assertThrows(IllegalArgumentException.class, () -> new MuPlusLambdaEs(p, 1, 1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MuPlusLambdaEs(p, 10, 10, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MuPlusLambdaEs(p, 10, 2, 0, 0));
        MuPlusLambdaEs es = new MuPlusLambdaEs(p, 10, 2, 0.1, 0);
        assertThrows(IllegalStateException.class, () -> es.tell(new double[10]));
        es.ask();
        assertThrows(IllegalStateException.class, es::ask);
        assertThrows(IllegalArgumentException.class, () -> es.tell(new double[3]));
    }
}
