package io.morphospark.jobs.testing;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A minimal Spark application, submitted by the cluster tests on its own (see {@link ClassJars})
 * to tell "the test cluster does not work" apart from "the job does not work". It depends on Spark
 * only. Exit codes: 0 when every task ran in an executor JVM, 3 otherwise.
 */
public final class ClusterProbeApp {
    private static final int TASKS = 8;

    private ClusterProbeApp() {
    }

    public static void main(String[] args) {
        int expectedExecutors = Integer.parseInt(args[0]);
        // no master here: it comes from spark-submit, as for the real jobs
        SparkSession spark = SparkSession.builder().appName("cluster-probe").getOrCreate();
        int status;
        try {
            awaitExecutors(spark, expectedExecutors);
            long driverPid = pid();
            List<Long> taskPids = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(IntStream.range(0, TASKS).boxed().collect(Collectors.toList()), TASKS)
                    .map(task -> pid())
                    .collect();
            Set<Long> executorPids = new TreeSet<>(taskPids);
            status = executorPids.contains(driverPid) ? 3 : 0;
            System.out.println("cluster-probe: " + taskPids.size() + " tasks ran in executor JVMs " + executorPids
                    + ", driver JVM " + driverPid);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static void awaitExecutors(SparkSession spark, int expected) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        // getExecutorInfos includes the driver
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < expected + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(expected + " executors did not register within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long pid() {
        return ManagementFactory.getRuntimeMXBean().getPid();
    }
}
