package io.morphospark.jobs;

import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.ClassJars;
import io.morphospark.jobs.testing.ClusterProbeApp;
import io.morphospark.jobs.testing.StandaloneCluster;
import io.morphospark.jobs.testing.StandaloneCluster.SubmitResult;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submits to a real standalone cluster (a master and two workers in JVMs of their own, on
 * 127.0.0.1), built from the resolved jars rather than a Spark distribution. Runs in
 * {@code mvn verify}, after the shaded jar is built; Failsafe passes its path as
 * {@code morphospark.clusterJar}.
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

    @Test
    void theClusterJarLeavesSparkToTheCluster() throws IOException {
        try (JarFile jar = new JarFile(clusterJar().toFile())) {
            List<String> spark = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("org/apache/spark/") || name.startsWith("scala/"))
                    .limit(5)
                    .collect(Collectors.toList());
            assertEquals(List.of(), spark, "Spark and Scala must come from the cluster, not from the jar");
        }
    }

    @Test
    void theEsJobGivesOnTheClusterTheTablesItGivesInProcess() throws Exception {
        Path clusterRun = dir.resolve("cluster-run");
        Path localRun = dir.resolve("local-run");

        SubmitResult result = cluster.submit(clusterJar(), Main.class.getName(), esArguments(clusterRun), SUBMIT_TIMEOUT);
        assertSucceeded(result);
        List<String> inProcess = new ArrayList<>(esArguments(localRun));
        inProcess.addAll(List.of("--master", "local[1]"));
        assertEquals(0, Main.execute(inProcess.toArray(new String[0])), "in-process run failed");

        assertTrue(Files.isRegularFile(clusterRun.resolve("run.json")), "no run.json in " + clusterRun);
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            assertEquals(3, Tables.read(spark, clusterRun, EsTables.GENERATIONS).count());
            Tables.assertSameTable(spark, clusterRun, localRun, EsTables.GENERATIONS);
            Tables.assertSameTable(spark, clusterRun, localRun, EsTables.CANDIDATES);
        } finally {
            spark.stop();
        }
    }

    private static List<String> esArguments(Path out) {
        return List.of("es", "--preset", "lateral-inhibition", "--generations", "3", "--population", "6",
                "--replicates", "8", "--steps", "200", "--seed", "7", "--out", out.toString());
    }

    private static Path clusterJar() {
        String property = System.getProperty("morphospark.clusterJar");
        assertTrue(property != null, "morphospark.clusterJar is not set: run this through Failsafe (mvn verify)");
        Path jar = Paths.get(property).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), () -> jar + " does not exist: build it with mvn package first");
        return jar;
    }

    private static void assertSucceeded(SubmitResult result) {
        assertEquals(0, result.exitCode(), () -> "spark-submit failed; its log: " + result.log()
                + ", the cluster's logs: " + cluster.logDir() + "\n" + result.output());
    }
}
