package io.morphospark.jobs.cli;

import io.morphospark.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.function.Function;

/** Options every Spark job shares, and the session life cycle around a job. */
final class SparkOptions {
    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's master, "
            + "else local[*]). When given, it overrides spark-submit's --master.")
    String master;

    /**
     * Runs {@code job} with a session: an already active one (a test's, a notebook's) is reused and
     * left running; one created here is stopped afterwards.
     */
    <T> T withSession(String appName, Function<SparkSession, T> job) {
        var active = SparkSession.getActiveSession();
        if (active.isDefined()) {
            return job.apply(active.get());
        }
        SparkSession spark = SparkSessions.create(appName, master);
        try {
            return job.apply(spark);
        } finally {
            spark.stop();
        }
    }
}
