package io.morphospark.datasets.tables;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
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
     */
    public static void write(SparkSession spark, StructType schema, List<Row> rows, Path directory) {
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .option("compression", "zstd")
                .parquet(directory.toAbsolutePath().toString());
    }

    public static Dataset<Row> read(SparkSession spark, Path directory) {
        return spark.read().parquet(directory.toAbsolutePath().toString());
    }
}
