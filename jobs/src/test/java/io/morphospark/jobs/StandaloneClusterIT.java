package io.morphospark.jobs;

import io.morphospark.jobs.testing.ClassJars;
import io.morphospark.jobs.testing.ClusterProbeApp;
import io.morphospark.jobs.testing.StandaloneCluster;
import io.morphospark.jobs.testing.StandaloneCluster.SubmitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submits to a real standalone cluster (a master and two workers in JVMs of their own, on
 * 127.0.0.1), built from the resolved jars rather than a Spark distribution.
 */
class StandaloneClusterIT {
    private static final int WORKERS = 2;
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(4);

    // kept when a test fails: it holds every process's log and the executors' stdout/stderr
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), WORKERS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            List<ProcessHandle> started = cluster.processes();
            cluster.close();
            assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), () -> "still running: " + started);
        }
    }

    @Test
    void aSparkOnlyApplicationRunsOnTheExecutorsOfTheWorkers() throws Exception {
        Path jar = ClassJars.write(dir.resolve("cluster-probe.jar"), ClusterProbeApp.class);

        SubmitResult result = cluster.submit(jar, ClusterProbeApp.class.getName(), List.of(Integer.toString(WORKERS)), SUBMIT_TIMEOUT);

        assertSucceeded(result);
        assertTrue(result.output().contains("cluster-probe: 8 tasks ran in executor JVMs"), result::output);
    }

    private static void assertSucceeded(SubmitResult result) {
        assertEquals(0, result.exitCode(), () -> "spark-submit failed; its log: " + result.log()
                + ", the cluster's logs: " + cluster.logDir() + "\n" + result.output());
    }
}
