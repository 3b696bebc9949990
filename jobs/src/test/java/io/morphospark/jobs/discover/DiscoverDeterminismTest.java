package io.morphospark.jobs.discover;

import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.jobs.testing.LocalClusterSessions;
import io.morphospark.jobs.testing.Tables;
import io.morphospark.models.discovery.DiscoveryProblem;
import io.morphospark.models.discovery.DiscoveryRun;
import io.morphospark.models.discovery.GenerationMetrics;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;
import org.apache.spark.Success$;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MAP-Elites discovery (Gaussian, crossover and CMA-ME emitters) gives bit-identical tables on
 * local[1], local[2] with other partitions and replicate blocks, and a local cluster whose
 * executors are separate JVMs; failed task attempts retried by Spark change nothing.
 */
class DiscoverDeterminismTest {
    static final List<String> TABLES = List.of(DiscoveryTables.EVALUATIONS, DiscoveryTables.GENERATIONS,
            DiscoveryTables.ARCHIVE, DiscoveryTables.ARCHIVE_HISTORY, DiscoveryTables.TOP);

    @TempDir
    static Path tmp;
    static Path oneCore;
    static Path twoCores;
    static Path localCluster;

    static DiscoverSettings tiny() {
        DiscoverSettings s = new DiscoverSettings();
        s.search = "map-elites";
        s.seed = 17;
        s.generations = 4;
        s.population = 8;
        s.gaussianBatch = 3;
        s.crossoverBatch = 3;
        s.cmaBatch = 4;
        s.agents = 20;
        s.steps = 6;
        s.replicates = 2;
        s.bins = new ArrayList<>(List.of(4, 4));
        s.filmTop = 0;
        return s;
    }

    static Path run(Supplier<SparkSession> session, int partitions, int block, String name) {
        DiscoverSettings s = tiny();
        s.partitions = partitions;
        s.replicateBlock = block;
        Path out = tmp.resolve(name);
        SparkSession spark = session.get();
        try {
            new DiscoverJob(spark, s, new PrintStream(PrintStream.nullOutputStream())).run(out);
        } finally {
            spark.stop();
        }
        return out;
    }

    static SparkSession local(String master) {
        return SparkSession.builder().master(master).config("spark.ui.enabled", "false").getOrCreate();
    }

    @BeforeAll
    static void runs() {
        oneCore = run(() -> local("local[1]"), 1, 2, "local1");
        twoCores = run(() -> local("local[2]"), 5, 1, "local2");
        localCluster = run(() -> LocalClusterSessions.create("discover-determinism"), 4, 2, "local-cluster");
    }

    @Test
    void identicalOnOneAndTwoCoresWithOtherPartitionsAndBlocks() {
        compare(oneCore, twoCores);
    }

    @Test
    void identicalOnALocalClusterWithExecutorsInTheirOwnJvms() {
        compare(oneCore, localCluster);
    }

    static void compare(Path a, Path b) {
        SparkSession spark = local("local[1]");
        try {
            for (String t : TABLES) {
                Tables.assertSameTable(spark, a, b, t);
            }
        } finally {
            spark.stop();
        }
    }

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
    void retriedTaskAttemptsLeaveTheSearchUnchanged() throws Exception {
        DiscoverSettings s = tiny();
        DiscoveryProblem problem = s.problem();
        List<GenerationMetrics> clean = new ArrayList<>();
        DiscoveryRun a = s.newRun(problem);
        try (var pool = new ThreadPoolEvaluator(new BlockEvaluation(problem, s.evaluationSeed, 2), 2)) {
            while (!a.done(3)) {
                clean.add(a.step(pool).metrics());
            }
        }
        SparkSession spark = local("local[2,4]"); // a task may fail up to four times
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
        List<GenerationMetrics> retried = new ArrayList<>();
        DiscoveryRun b = s.newRun(problem);
        try {
            var evaluator = new SparkPopulationEvaluator(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    new BlockEvaluation(new FailingFirstAttempts(problem), s.evaluationSeed, 1), 7);
            while (!b.done(3)) {
                retried.add(b.step(evaluator).metrics());
            }
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.stop();
        }
        assertTrue(failedTasks.get() > 0, "no task failed: the injection did not happen");
        assertEquals(clean, retried);
        assertTrue(a.archive().sameElites(b.archive()));
        assertArrayEquals(a.top().get(0).metrics(), b.top().get(0).metrics());
    }
}
