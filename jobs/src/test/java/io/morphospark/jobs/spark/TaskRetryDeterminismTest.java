package io.morphospark.jobs.spark;

import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.optim.MuPlusLambdaEs;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.regulatory.Boundary;
import io.morphospark.models.regulatory.LateralInhibitionConfig;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import org.apache.spark.Success$;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed first attempts are retried by Spark and change nothing in the results. */
class TaskRetryDeterminismTest {
    /** Fails the first attempt of every task that evaluates an odd candidate. */
    static final class FailingFirstAttempts implements Problem {
        private final Problem inner;

        FailingFirstAttempts(Problem inner) {
            this.inner = inner;
        }

        @Override
        public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int first, int count) {
            TaskContext task = TaskContext.get();
            if (task != null && task.attemptNumber() == 0 && key.candidate() % 2 == 1) {
                throw new IllegalStateException("injected failure of a first attempt");
            }
            return inner.evaluateBlock(candidate, key, first, count);
        }

        @Override public String name() { return inner.name(); }
        @Override public int dimension() { return inner.dimension(); }
        @Override public int replicates() { return inner.replicates(); }
        @Override public double[] initialCandidate(RandomGenerator rng) { return inner.initialCandidate(rng); }
        @Override public Evaluation reduce(List<BlockResult> blocks) { return inner.reduce(blocks); }
        @Override public List<String> metricNames() { return inner.metricNames(); }
        @Override public long cellStepsPerReplicate() { return inner.cellStepsPerReplicate(); }
    }

    @Test
    void retriedTasksGiveTheSameEvaluationsAsACleanRun() throws Exception {
        Problem problem = new LateralInhibitionProblem(
                new LateralInhibitionConfig(7, 12, 0.01, 200, 0.1, 0.5, 0.1, Boundary.ZERO_PADDED, new int[] {8, 8}),
                LateralInhibitionProblem.Utility.HARD);
        Population population = new MuPlusLambdaEs(problem, 6, 2, 0.1, 5).ask();
        Evaluation[] clean;
        try (var pool = new ThreadPoolEvaluator(new BlockEvaluation(problem, 5, 4), 2)) {
            clean = pool.evaluate(population);
        }

        // local[2,4]: two cores, a task may fail up to four times
        SparkSession spark = SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false").getOrCreate();
        assertEquals("local[2,4]", spark.sparkContext().master(), "a session left over by another test class");
        AtomicInteger failedTasks = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() != Success$.MODULE$) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        Evaluation[] retried;
        try {
            var evaluator = new SparkPopulationEvaluator(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    new BlockEvaluation(new FailingFirstAttempts(problem), 5, 4), 9);
            retried = evaluator.evaluate(population);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.stop();
        }
        assertTrue(failedTasks.get() > 0, "no task failed: the injection did not happen");
        assertEquals(clean.length, retried.length);
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i].fitness(), retried[i].fitness(), 0.0, "candidate " + i);
            assertArrayEquals(clean[i].metrics(), retried[i].metrics(), 0.0);
            assertArrayEquals(clean[i].patterns(), retried[i].patterns());
        }
    }
}
