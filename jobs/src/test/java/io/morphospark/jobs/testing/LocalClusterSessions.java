package io.morphospark.jobs.testing;

import org.apache.spark.sql.SparkSession;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SparkSession}s on {@code local-cluster[2,1,1024]}: a master and two workers inside this
 * JVM, but each executor in a JVM of its own. Tasks are serialised and run elsewhere, as on a
 * cluster, so missing {@code Serializable}s, classes absent from the executor classpath and state
 * kept in statics show up in a unit test. Use sparingly: each session starts two JVMs.
 */
public final class LocalClusterSessions {
    public static final String MASTER = "local-cluster[2,1,1024]";
    public static final int EXECUTORS = 2;
    private static final Duration EXECUTORS_UP_TIMEOUT = Duration.ofSeconds(60);

    private LocalClusterSessions() {
    }

    /**
     * Starts a session and waits until both executors have registered, so that a test sees the
     * whole cluster. Stop it with {@link SparkSession#stop()} (in {@code @AfterAll}).
     */
    public static synchronized SparkSession create(String appName) {
        return create(appName, MASTER, Map.of());
    }

    /**
     * A session on another {@code local-cluster[N,C,M]} shape with extra settings (GPU resources,
     * say), waiting for its N executors.
     */
    public static synchronized SparkSession create(String appName, String master, Map<String, String> settings) {
        SparkHome home = SparkHome.get();
        SparkSession spark = withTestingSystemProperties(home, () -> SparkSession.builder()
                .master(master)
                .config(new org.apache.spark.SparkConf(false).setAll(scala.jdk.javaapi.CollectionConverters.asScala(settings)))
                .appName(appName)
                .config("spark.testing", "1")
                .config("spark.test.home", home.root().toString())
                // Executors are started from SPARK_HOME/jars, which holds no project classes
                // (see SparkHome): ours come from here.
                .config("spark.executor.extraClassPath", home.projectClassPathString())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate());
        if (!master.equals(spark.sparkContext().master())) {
            // getOrCreate hands back any session still active in this JVM, whatever its master
            throw new IllegalStateException("another SparkSession is still active on "
                    + spark.sparkContext().master() + "; stop it before creating a local-cluster one");
        }
        awaitExecutors(spark, home, Integer.parseInt(master.replaceAll("local-cluster\\[(\\d+),.*", "$1")));
        return spark;
    }

    /**
     * local-cluster's in-process workers read {@code spark.testing} and {@code spark.test.home} as
     * JVM system properties (not from SparkConf) while the session starts. They are restored
     * afterwards: left set, they would switch every later session in this JVM to Spark's
     * testing-only code paths.
     */
    private static SparkSession withTestingSystemProperties(SparkHome home, java.util.function.Supplier<SparkSession> start) {
        Map<String, String> previous = new HashMap<>();
        Map<String, String> testing = Map.of("spark.testing", "1", "spark.test.home", home.root().toString());
        testing.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            return start.get();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static void awaitExecutors(SparkSession spark, SparkHome home, int executors) {
        long deadline = System.nanoTime() + EXECUTORS_UP_TIMEOUT.toNanos();
        // getExecutorInfos includes the driver
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.nanoTime() > deadline) {
                spark.stop();
                throw new IllegalStateException("executors of " + spark.sparkContext().master() + " did not register within "
                        + EXECUTORS_UP_TIMEOUT + "; their logs are under " + home.root().resolve("work"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.stop();
                throw new IllegalStateException("interrupted while waiting for executors", e);
            }
        }
    }
}
