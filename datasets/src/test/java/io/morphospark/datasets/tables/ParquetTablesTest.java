package io.morphospark.datasets.tables;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table write repeated after an interrupted attempt replaces what that attempt left: the
 * commit phase of every job (ES, NCA, generate's staging) can be run again after a kill.
 */
class ParquetTablesTest {
    static SparkSession spark;
    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("g", DataTypes.IntegerType, false),
            DataTypes.createStructField("f", DataTypes.DoubleType, false)));

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static List<String> rows(Path table) {
        return ParquetTables.read(spark, table).orderBy("g").collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void writingATableAgainReplacesTheFirstAttempt() {
        Path table = tmp.resolve("generations");
        ParquetTables.write(spark, SCHEMA, List.of(RowFactory.create(0, 0.5), RowFactory.create(1, 0.25)), table);
        ParquetTables.write(spark, SCHEMA, List.of(RowFactory.create(0, 0.5), RowFactory.create(1, 0.75)), table);
        assertEquals(List.of("[0,0.5]", "[1,0.75]"), rows(table));
    }

    @Test
    void aTornDirectoryOfAKilledWriteIsReplaced() throws Exception {
        Path table = Files.createDirectories(tmp.resolve("candidates/_temporary/0"));
        Files.write(tmp.resolve("candidates/part-00000-torn.zstd.parquet"), new byte[] {1, 2, 3}); // a half-written file
        ParquetTables.write(spark, SCHEMA, List.of(RowFactory.create(3, 1.0)), table.getParent().getParent());
        assertEquals(List.of("[3,1.0]"), rows(tmp.resolve("candidates")));
    }
}
