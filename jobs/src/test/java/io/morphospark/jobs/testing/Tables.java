package io.morphospark.jobs.testing;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Reading run tables in tests, and comparing two runs' tables value for value. */
public final class Tables {
    private Tables() {
    }

    public static Dataset<Row> read(SparkSession spark, Path run, String table) {
        return spark.read().parquet(run.resolve(table).toString());
    }

    /** The table's rows in a canonical order (sorted by every orderable column), each as a string. */
    public static List<String> canonicalRows(SparkSession spark, Path run, String table) {
        Dataset<Row> df = read(spark, run, table);
        List<Column> order = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            if (!(f.dataType() instanceof MapType)) {
                order.add(df.col(f.name()));
            }
        }
        List<String> rows = new ArrayList<>();
        for (Row r : df.orderBy(order.toArray(new Column[0])).collectAsList()) {
            rows.add(render(r, df));
        }
        return rows;
    }

    /** Doubles print in their shortest round-tripping form, so equal strings mean bit-identical values. */
    private static String render(Row r, Dataset<Row> df) {
        StringBuilder sb = new StringBuilder();
        StructField[] fields = df.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = r.get(i);
            if (fields[i].dataType() instanceof ArrayType) {
                v = r.getList(i);
            } else if (fields[i].dataType() instanceof MapType) {
                v = new java.util.TreeMap<>(r.getJavaMap(i));
            }
            sb.append(fields[i].name()).append('=').append(v).append(' ');
        }
        return sb.toString();
    }

    public static void assertSameTable(SparkSession spark, Path a, Path b, String table) {
        List<String> ra = canonicalRows(spark, a, table);
        List<String> rb = canonicalRows(spark, b, table);
        assertFalse(ra.isEmpty(), table + " is empty");
        assertEquals(ra.size(), rb.size(), table + ": row counts differ");
        for (int i = 0; i < ra.size(); i++) {
            assertEquals(ra.get(i), rb.get(i), table + ": row " + i + " differs");
        }
    }
}
