package io.morphospark.jobs.es;

import io.morphospark.jobs.testing.LocalClusterSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An executor JVM killed with SIGKILL in the middle of a stage: Spark reruns its tasks elsewhere
 * and the run's tables are identical to a clean run's.
 */
class ExecutorLossTest {
    @TempDir
    static Path tmp;

    /** Long enough stages (≈ 1 s on two executors) to kill an executor while one runs. */
    static EsSettings settings() {
        EsSettings s = EsJobTest.small(31);
        s.generations = 4;
        s.optimizer.population = 8;
        s.problem.replicates = 40;
        s.problem.steps = 40000;
        s.evaluation.replicateBlock = 10;
        s.evaluation.partitions = 8;
        return s;
    }

    @Test
    void losingAnExecutorMidStageChangesNothing() throws Exception {
        Path clean = tmp.resolve("clean");
        SparkSession local = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            new EsJob(local, settings(), new PrintStream(PrintStream.nullOutputStream())).run(clean);
        } finally {
            local.stop();
        }

        Path hurt = tmp.resolve("executor-lost");
        SparkSession cluster = LocalClusterSessions.create("executor-loss");
        AtomicInteger lostTasks = new AtomicInteger();
        cluster.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExecutorLostFailure) {
                    lostTasks.incrementAndGet();
                }
            }
        });
        boolean killed;
        try {
            var run = CompletableFuture.runAsync(() ->
                    new EsJob(cluster, settings(), new PrintStream(PrintStream.nullOutputStream())).run(hurt));
            killed = killAnExecutorDuringAStage(cluster, run);
            run.get(5, TimeUnit.MINUTES);
            cluster.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            cluster.stop();
        }
        assertTrue(killed, "no executor was killed");
        assertTrue(lostTasks.get() > 0, "the executor died between stages: no task was lost");
        EsDeterminismTest.compare(clean, hurt);
    }

    /** Waits until the second generation's job has started, then SIGKILLs one executor JVM. */
    private static boolean killAnExecutorDuringAStage(SparkSession spark, CompletableFuture<Void> run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!run.isDone() && System.nanoTime() < deadline) {
            if (spark.sparkContext().statusTracker().getJobIdsForGroup(null).length >= 2) {
                Optional<ProcessHandle> executor = ProcessHandle.current().descendants()
                        .filter(ExecutorLossTest::isExecutor).findFirst();
                if (executor.isPresent()) {
                    executor.get().destroyForcibly();
                    return true;
                }
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Reads the whole command line: ProcessHandle.Info cuts it at 4 KiB, before the class name. */
    private static boolean isExecutor(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).contains("CoarseGrainedExecutorBackend");
        } catch (IOException e) {
            return false; // gone already
        }
    }
}
