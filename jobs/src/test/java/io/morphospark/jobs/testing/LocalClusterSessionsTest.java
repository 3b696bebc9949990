package io.morphospark.jobs.testing;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import io.morphospark.models.regulatory.PatternUtility;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalClusterSessionsTest {
    private static final long SEED = 7;
    private static final int REPLICATES = 8;
    private static final int CELLS = 7;

    private static SparkSession spark;

    @BeforeAll
    static void startCluster() {
        spark = LocalClusterSessions.create(LocalClusterSessionsTest.class.getSimpleName());
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** What one task reports: its computation and the JVM it ran in. */
    record CandidateResult(int candidate, long streamKey, double utility, long pid, List<String> jvmArguments)
            implements Serializable {
        static CandidateResult compute(int candidate) {
            return new CandidateResult(candidate, streamKeyOf(candidate), utilityOf(candidate),
                    ManagementFactory.getRuntimeMXBean().getPid(),
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
    }

    @Test
    void executorJvmsComputeWithModelsClassesWhatTheDriverComputes() {
        List<Integer> candidates = IntStream.range(0, 12).boxed().collect(Collectors.toList());

        List<CandidateResult> results = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(candidates, 4)
                .map(CandidateResult::compute)
                .collect();

        assertEquals(candidates.size(), results.size());
        long driverPid = ManagementFactory.getRuntimeMXBean().getPid();
        for (CandidateResult r : results) {
            assertEquals(streamKeyOf(r.candidate()), r.streamKey(), () -> "stream key of candidate " + r.candidate());
            assertEquals(utilityOf(r.candidate()), r.utility(), 0.0, () -> "utility of candidate " + r.candidate());
            assertTrue(r.pid() != driverPid, "task ran in the driver JVM");
        }
    }

    @Test
    void executorsGetSparksJavaModuleOptionsWithoutAnyConfiguration() {
        List<String> jvmArguments = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(0), 1)
                .map(CandidateResult::compute)
                .first()
                .jvmArguments();

        assertTrue(jvmArguments.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), jvmArguments::toString);
    }

    @Test
    void bothExecutorsAreSeparateJvmsThatTakePartInAShuffle() {
        assertEquals(LocalClusterSessions.EXECUTORS + 1, spark.sparkContext().statusTracker().getExecutorInfos().length);

        long groups = spark.range(0, 1000).selectExpr("id % 10 AS k").groupBy("k").count().count();

        assertEquals(10, groups);
    }

    private static long streamKeyOf(int candidate) {
        return RandomStreams.key(SEED, Purpose.SIMULATION, 0, candidate);
    }

    /** Hard pattern utility of random binary fates drawn from the candidate's stream. */
    private static double utilityOf(int candidate) {
        SplittableRandom random = RandomStreams.stream(SEED, Purpose.SIMULATION, 0, candidate);
        byte[] fates = new byte[REPLICATES * CELLS];
        for (int i = 0; i < fates.length; i++) {
            fates[i] = (byte) random.nextInt(2);
        }
        return PatternUtility.hard(fates, REPLICATES, CELLS).utility();
    }
}
