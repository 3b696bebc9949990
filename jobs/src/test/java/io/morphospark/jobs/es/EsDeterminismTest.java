package io.morphospark.jobs.es;

import io.morphospark.datasets.tables.EsTables;
import io.morphospark.jobs.testing.LocalClusterSessions;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The same seed gives bit-identical tables whatever the Spark layout: one or two local cores, one
 * task or many per generation, blocks of any size, executors in separate JVMs.
 */
class EsDeterminismTest {
    static final List<String> RESULT_TABLES = List.of(EsTables.GENERATIONS, EsTables.CANDIDATES, EsTables.PATTERNS,
            EsTables.TRAJECTORIES, EsTables.LEARNED_FUNCTION);

    @TempDir
    static Path tmp;

    static Path run(String master, int partitions, int block, String name) {
        return run(() -> SparkSession.builder().master(master).config("spark.ui.enabled", "false").getOrCreate(),
                partitions, block, name);
    }

    static Path run(Supplier<SparkSession> session, int partitions, int block, String name) {
        EsSettings s = EsJobTest.small(11);
        s.evaluation.partitions = partitions;
        s.evaluation.replicateBlock = block;
        Path out = tmp.resolve(name);
        SparkSession spark = session.get();
        try {
            new EsJob(spark, s, new PrintStream(PrintStream.nullOutputStream())).run(out);
        } finally {
            spark.stop();
        }
        return out;
    }

    static Path oneCoreOnePartition;
    static Path twoCoresSevenPartitions;
    static Path twoCoresOtherBlocks;
    static Path localCluster;

    @BeforeAll
    static void runs() {
        oneCoreOnePartition = run("local[1]", 1, 4, "local1-p1");
        twoCoresSevenPartitions = run("local[2]", 7, 4, "local2-p7");
        twoCoresOtherBlocks = run("local[2]", 3, 3, "local2-p3-b3");
        localCluster = run(() -> LocalClusterSessions.create("es-determinism"), 5, 4, "local-cluster-p5");
    }

    @Test
    void identicalOnALocalClusterWithExecutorsInTheirOwnJvms() {
        compare(oneCoreOnePartition, localCluster);
    }

    @Test
    void identicalOnOneAndTwoCoresWithOneOrSevenPartitions() {
        compare(oneCoreOnePartition, twoCoresSevenPartitions);
    }

    @Test
    void identicalWithOtherReplicateBlocks() {
        compare(oneCoreOnePartition, twoCoresOtherBlocks);
    }

    static void compare(Path a, Path b) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String t : RESULT_TABLES) {
                Tables.assertSameTable(spark, a, b, t);
            }
        } finally {
            spark.stop();
        }
    }
}
