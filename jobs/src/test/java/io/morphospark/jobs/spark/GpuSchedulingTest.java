package io.morphospark.jobs.spark;

import io.morphospark.jobs.gpu.DevicePinning;
import io.morphospark.jobs.testing.LocalClusterSessions;
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
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPU-aware scheduling without a GPU, as Spark tests its own: a discovery script reports two fake
 * GPUs per worker of {@code local-cluster[1,2,1024]} (one executor with two cores), the settings
 * come from {@link GpuRequest} as the CLI makes them, and the fan-out pins every task.
 */
class GpuSchedulingTest {
    private static final String MASTER = "local-cluster[1,2,1024]";
    private static final Set<String> FAKE_GPUS = Set.of("0", "1");

    @TempDir
    static Path tmp;
    private static SparkSession spark;

    @BeforeAll
    static void startCluster() throws IOException {
        Path script = fakeDiscoveryScript(tmp.resolve("gpus.sh"), "{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}");
        GpuRequest request = new GpuRequest(2, 1, script);
        assertNull(request.problem(MASTER, new SparkConf(false)));
        spark = LocalClusterSessions.create(GpuSchedulingTest.class.getSimpleName(), MASTER, request.sparkSettings(MASTER));
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Path fakeDiscoveryScript(Path file, String json) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho '" + json + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** What one task saw: its executor, the address it was pinned to, and when it held it. */
    record Held(String executor, String address, long from, long to) implements Serializable {
        static Held pinAndHold(int ignored) throws InterruptedException {
            long from = System.nanoTime();
            String address = DevicePinning.pinToTaskGpu().orElse("none");
            Thread.sleep(300); // long enough for the executor's second core to run a task meanwhile
            return new Held(SparkEnv.get().executorId(), address, from, System.nanoTime());
        }

        boolean overlaps(Held other) {
            return executor.equals(other.executor) && from < other.to && other.from < to;
        }
    }

    @Test
    void everyTaskIsPinnedAndConcurrentTasksOfAnExecutorGetDifferentGpus() {
        List<Held> held = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(IntStream.range(0, 8).boxed().collect(Collectors.toList()), 8)
                .map(Held::pinAndHold)
                .collect();

        int overlapping = 0;
        for (Held a : held) {
            assertTrue(FAKE_GPUS.contains(a.address()), () -> "task without a discovered GPU: " + a);
            for (Held b : held) {
                if (a != b && a.overlaps(b)) {
                    overlapping++;
                    assertNotEquals(a.address(), b.address(), () -> "two concurrent tasks share a GPU: " + a + ", " + b);
                }
            }
        }
        assertTrue(overlapping > 0, "no two tasks ran at once on one executor: the test showed nothing");
    }

    /** Lateral inhibition that refuses to evaluate unless the fan-out pinned its task to a GPU. */
    static final class RequiresPinnedGpu implements Problem {
        private final Problem inner;

        RequiresPinnedGpu(Problem inner) {
            this.inner = inner;
        }

        @Override
        public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int first, int count) {
            String address = DevicePinning.pinnedAddress()
                    .orElseThrow(() -> new IllegalStateException("evaluated without a pinned GPU"));
            if (!FAKE_GPUS.contains(address)) {
                throw new IllegalStateException("pinned to " + address + ", not a discovered GPU");
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
    void fanOutOnGpuExecutorsGivesBitIdenticalResultsToACpuRun() {
        Problem problem = new LateralInhibitionProblem(
                new LateralInhibitionConfig(7, 12, 0.01, 200, 0.1, 0.5, 0.1, Boundary.ZERO_PADDED, new int[] {8, 8}),
                LateralInhibitionProblem.Utility.HARD);
        Population population = new MuPlusLambdaEs(problem, 6, 2, 0.1, 5).ask();
        Evaluation[] cpu;
        try (var pool = new ThreadPoolEvaluator(new BlockEvaluation(problem, 5, 4), 2)) {
            cpu = pool.evaluate(population);
        }

        Evaluation[] gpu;
        try (var evaluator = new SparkPopulationEvaluator(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                new BlockEvaluation(new RequiresPinnedGpu(problem), 5, 4), 7)) {
            gpu = evaluator.evaluate(population);
        }

        assertEquals(cpu.length, gpu.length);
        for (int i = 0; i < cpu.length; i++) {
            assertEquals(cpu[i].fitness(), gpu[i].fitness(), 0.0, "candidate " + i);
            assertArrayEquals(cpu[i].metrics(), gpu[i].metrics(), 0.0);
            assertArrayEquals(cpu[i].patterns(), gpu[i].patterns());
        }
    }
}
