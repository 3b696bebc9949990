package io.morphospark.datasets.tables;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run's small driver-side table as one Parquet file without a Spark session, with
 * parquet-hadoop directly: what a job writes when it runs inside a Spark task (a sweep trial),
 * where no session exists and a nested Spark job could deadlock the slots. The file has the layout
 * Spark itself writes (standard three-level lists, UTF-8 strings, zstd), so Spark, DuckDB and
 * pandas read it like any other table. Supports the column types run tables use: int, long,
 * double, float, boolean, string, arrays of those and maps with string keys (the ES generations
 * table's optimiser state, written by an ES trial run as a task).
 */
final class LocalParquet {
    static final String FILE = "part-00000.zstd.parquet";

    private LocalParquet() {
    }

    static void write(StructType schema, List<Row> rows, Path directory) {
        MessageType message = messageType(schema);
        Path dir = directory.toAbsolutePath();
        Path partial = dir.resolveSibling("." + dir.getFileName() + ".writing");
        try {
            deleteRecursively(partial);
            Files.createDirectories(partial);
            SimpleGroupFactory groups = new SimpleGroupFactory(message);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(partial.resolve(FILE)))
                    .withConf(new Configuration(false))
                    .withType(message)
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build()) {
                for (Row row : rows) {
                    Group g = groups.newGroup();
                    StructField[] fields = schema.fields();
                    for (int i = 0; i < fields.length; i++) {
                        if (!row.isNullAt(i)) {
                            add(g, fields[i].name(), fields[i].dataType(), row.get(i));
                        }
                    }
                    writer.write(g);
                }
            }
            // as Spark's overwrite: the table is replaced whole (a resumed run writes it again)
            deleteRecursively(dir);
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table " + dir, e);
        }
    }

    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            b.addField(field(f.name(), f.dataType(), f.nullable()));
        }
        return b.named("spark_schema");
    }

    private static Type field(String name, DataType type, boolean nullable) {
        Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (type instanceof ArrayType a) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(field("element", a.elementType(), a.containsNull())).named("list"))
                    .named(name);
        }
        if (type instanceof MapType m) { // Spark's layout: MAP { repeated key_value { key, value } }
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup().addField(field("key", m.keyType(), false))
                            .addField(field("value", m.valueType(), m.valueContainsNull())).named("key_value"))
                    .named(name);
        }
        if (type.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        PrimitiveTypeName p = type.equals(DataTypes.IntegerType) ? PrimitiveTypeName.INT32
                : type.equals(DataTypes.LongType) ? PrimitiveTypeName.INT64
                : type.equals(DataTypes.DoubleType) ? PrimitiveTypeName.DOUBLE
                : type.equals(DataTypes.FloatType) ? PrimitiveTypeName.FLOAT
                : type.equals(DataTypes.BooleanType) ? PrimitiveTypeName.BOOLEAN
                : null;
        if (p == null) {
            throw new IllegalArgumentException("column " + name + ": type " + type.simpleString()
                    + " is not supported outside a Spark session");
        }
        return Types.primitive(p, rep).named(name);
    }

    private static void add(Group g, String name, DataType type, Object value) {
        if (type instanceof ArrayType a) {
            Group list = g.addGroup(name);
            Iterable<?> items = value instanceof scala.collection.Seq<?> s
                    ? scala.jdk.javaapi.CollectionConverters.asJava(s) : arrayItems(value);
            for (Object item : items) {
                Group element = list.addGroup("list");
                if (item != null) {
                    add(element, "element", a.elementType(), item);
                }
            }
            return;
        }
        if (type instanceof MapType m) {
            Group map = g.addGroup(name);
            java.util.Map<?, ?> entries = value instanceof scala.collection.Map<?, ?> sm
                    ? scala.jdk.javaapi.CollectionConverters.asJava(sm) : (java.util.Map<?, ?>) value;
            // in key order, so the same map always gives the same bytes
            for (Object key : new java.util.TreeSet<Object>(entries.keySet())) {
                Group entry = map.addGroup("key_value");
                add(entry, "key", m.keyType(), key);
                if (entries.get(key) != null) {
                    add(entry, "value", m.valueType(), entries.get(key));
                }
            }
            return;
        }
        if (value instanceof Integer v) {
            g.add(name, v);
        } else if (value instanceof Long v) {
            g.add(name, v);
        } else if (value instanceof Double v) {
            g.add(name, v);
        } else if (value instanceof Float v) {
            g.add(name, v);
        } else if (value instanceof Boolean v) {
            g.add(name, v);
        } else if (value instanceof String v) {
            g.add(name, Binary.fromString(v));
        } else {
            throw new IllegalArgumentException("column " + name + ": unsupported value " + value.getClass());
        }
    }

    private static List<Object> arrayItems(Object value) {
        if (value instanceof List<?> l) {
            return new java.util.ArrayList<>(l);
        }
        int n = java.lang.reflect.Array.getLength(value);
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = java.lang.reflect.Array.get(value, i);
        }
        return java.util.Arrays.asList(items);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
