package io.morphospark.jobs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's session. Defaults are applied with setIfMissing so spark-submit, a cluster's
 * spark-defaults.conf or --conf always win; the master is never hard-coded: without one (a plain
 * local launch) it falls back to embedded Spark on all local cores.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** The master URLs Spark accepts, checked before a session is attempted (Spark itself fails late and with a trace). */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?\\])?"
                    + "|local-cluster\\[[1-9]\\d*, *[1-9]\\d*, *[1-9]\\d*\\]"
                    + "|spark://[^\\s:/,]+:\\d{1,5}(,[^\\s:/,]+:\\d{1,5})*"
                    + "|yarn"
                    + "|k8s://\\S+");

    /** Why {@code master} is not a Spark master URL, or null when it is one. */
    public static String masterProblem(String master) {
        if (master == null || MASTER.matcher(master).matches()) {
            return null;
        }
        return "not a Spark master; use local, local[N], local[*], local[N,F], local-cluster[N,C,M], "
                + "spark://HOST:PORT, yarn or k8s://URL";
    }

    public static SparkSession create(String appName, String masterOverride) {
        return create(appName, masterOverride, null);
    }

    /** The master a session created with {@code masterOverride} gets (spark-submit's, else local[*]). */
    public static String effectiveMaster(String masterOverride) {
        return masterOverride != null ? masterOverride : new SparkConf().get("spark.master", "local[*]");
    }

    /** A session whose executors get {@code gpus} (null: no GPUs); callers refuse what {@link GpuRequest#problem} names first. */
    public static SparkSession create(String appName, String masterOverride, GpuRequest gpus) {
        SparkConf conf = new SparkConf();
        if (masterOverride != null) {
            conf.set("spark.master", masterOverride);
        }
        conf.setIfMissing("spark.master", "local[*]");
        if (gpus != null) {
            gpus.sparkSettings(conf.get("spark.master")).forEach((key, value) -> {
                if (key.equals(GpuRequest.EXECUTOR_VENDOR)) {
                    conf.setIfMissing(key, value);
                } else {
                    conf.set(key, value);
                }
            });
        }
        conf.setIfMissing("spark.app.name", appName);
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        // Every job prints its own progress line per generation, epoch, shard or trial; Spark's stage
        // bars would interleave with those lines (and fill logs with carriage returns) and cost a
        // thread's refresh every 200 ms. spark-submit --conf spark.ui.showConsoleProgress=true (or
        // the JVM option -Dspark.ui.showConsoleProgress=true) brings them back.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Tables are small; one compact file per table, readable by any Parquet engine.
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
