package io.morphospark.jobs.cli;

import io.morphospark.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.function.Function;

/** Options every Spark job shares, and the session life cycle around a job. */
final class SparkOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    String master;

    @Option(names = "--master", paramLabel = "MASTER", description = "Spark master: local, local[N], local[*], "
            + "local[N,F], local-cluster[N,C,M], spark://HOST:PORT, yarn or k8s://URL (default: spark-submit's "
            + "master, else local[*]). When given, it overrides spark-submit's --master.")
    void master(String value) {
        String problem = SparkSessions.masterProblem(value);
        if (problem != null) {
            // refused while the command line is parsed: before Spark starts or anything is written
            throw new CommandLine.ParameterException(mixee.commandLine(), "--master '" + value + "': " + problem);
        }
        master = value;
    }

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
