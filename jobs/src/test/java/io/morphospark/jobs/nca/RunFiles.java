package io.morphospark.jobs.nca;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Comparing two training runs: tables value for value (but wall times), files byte for byte. */
public final class RunFiles {
    /** Columns that hold wall-clock times, the only values a resumed run may not share. */
    private static final List<String> WALL_TIMES = List.of("ms");

    private RunFiles() {
    }

    /** Rows (in {@code orderBy} order) with every double in its shortest round-tripping form: equal strings, equal bits. */
    public static List<String> rows(SparkSession spark, Path run, String table, String orderBy, String... thenBy) {
        var df = spark.read().parquet(run.resolve(table).toString());
        for (String column : WALL_TIMES) {
            df = df.drop(column);
        }
        return df.orderBy(orderBy, thenBy).collectAsList().stream().map(Row::toString).toList();
    }

    public static void assertSameTable(SparkSession spark, Path a, Path b, String table, String orderBy, String... thenBy) {
        List<String> ra = rows(spark, a, table, orderBy, thenBy);
        assertFalse(ra.isEmpty(), table + " is empty");
        assertEquals(ra, rows(spark, b, table, orderBy, thenBy), table);
    }

    public static void assertSameFile(Path a, Path b, String file) throws IOException {
        assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
}
