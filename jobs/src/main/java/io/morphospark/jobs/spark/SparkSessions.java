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

    public static SparkSession create(String appName, String masterOverride) {
        SparkConf conf = new SparkConf();
        if (masterOverride != null) {
            conf.set("spark.master", masterOverride);
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", appName);
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.ui.showConsoleProgress", "true");
        // Tables are small; one compact file per table, readable by any Parquet engine.
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
