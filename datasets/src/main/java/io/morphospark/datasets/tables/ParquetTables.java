package io.morphospark.datasets.tables;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads the Parquet tables of run and dataset directories. */
public final class ParquetTables {
    private ParquetTables() {
    }

    /**
     * Writes driver-side rows as one Parquet file (tables of a run are small; one file keeps them
     * easy to read from any engine). Replaces what an interrupted attempt left in {@code directory}:
     * every table write happens in a staging directory after the last checkpoint, and a resumed run
     * must be able to repeat it (a killed commit would otherwise strand the run for ever).
     * {@code spark} null: the job runs inside a Spark task (a sweep trial), where no session
     * exists; the same file is then written with parquet-hadoop directly ({@link LocalParquet}).
     */
    public static void write(SparkSession spark, StructType schema, List<Row> rows, Path directory) {
        if (writtenOnTheDriver(spark, schema)) {
            LocalParquet.write(schema, rows, directory);
            return;
        }
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .option("compression", "zstd")
                .parquet(directory.toAbsolutePath().toString());
    }

    /**
     * {@link #write} for tables of megabytes (a preset run's trajectories are 1.8 MB): the rows
     * travel to the one write task as a broadcast instead of inside it, where a local relation puts
     * them (Spark warns about tasks over 1 MB and would resend them with every retry). The rows go
     * through Spark's row encoder, so they must hold its external types: arrays or Scala
     * collections, not {@code java.util.Map}. {@code spark} null: inside a task, as {@link #write}.
     */
    public static void writeLarge(SparkSession spark, StructType schema, List<Row> rows, Path directory) {
        if (writtenOnTheDriver(spark, schema)) {
            LocalParquet.write(schema, rows, directory);
            return;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ArrayList<Row>> shipped = jsc.broadcast(new ArrayList<>(rows));
        try {
            JavaRDD<Row> oneTask = jsc.parallelize(List.of(0), 1).flatMap(ignored -> shipped.value().iterator());
            spark.createDataFrame(oneTask, schema)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("compression", "zstd")
                    .parquet(directory.toAbsolutePath().toString());
        } finally {
            shipped.destroy();
        }
    }

    public static Dataset<Row> read(SparkSession spark, Path directory) {
        return spark.read().parquet(directory.toAbsolutePath().toString());
    }

    /**
     * Whether a run table is written by the driver itself: always inside a task (no session), and in
     * local mode, where the driver is the only executor and the rows are already in its memory. A
     * Spark job for a table of a few hundred rows costs seconds of planning and first-use class
     * loading (a preset run's four tables: 3.6 s of its 21 s), the direct writer milliseconds; the
     * file is the same standard Parquet. A cluster keeps Spark's writer (the output committer of the
     * cluster's file system), as does a column type the direct writer does not know.
     */
    static boolean writtenOnTheDriver(SparkSession spark, StructType schema) {
        if (spark == null) {
            return true;
        }
        String master = spark.sparkContext().master();
        if (!(master.equals("local") || master.startsWith("local["))) {
            return false;
        }
        try {
            LocalParquet.messageType(schema);
            return true;
        } catch (IllegalArgumentException unsupported) {
            return false;
        }
    }
}
