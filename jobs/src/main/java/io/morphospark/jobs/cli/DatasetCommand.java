package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.jobs.plots.FrameImages;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.row_number;

/** {@code morphospark dataset inspect|gallery}: look at a generated dataset. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Inspect a pattern dataset or draw a gallery of it.",
        subcommands = {DatasetCommand.Inspect.class, DatasetCommand.Gallery.class})
final class DatasetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static Dataset<Row> samples(SparkSession spark, DatasetDirectory dir) {
        return spark.read().option("basePath", dir.table(DatasetTables.SAMPLES).toString())
                .parquet(dir.table(DatasetTables.SAMPLES).toString());
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Manifest, counts per label and metric means per label.")
    static final class Inspect implements Runnable {
        @Parameters(paramLabel = "DIR") Path dataset;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            DatasetDirectory dir = DatasetDirectory.open(dataset);
            JsonNode m = dir.manifest();
            System.out.printf("dataset %s%n  schema version %d, spec %s, %s%n", dir.root(), m.path("schema_version").asInt(),
                    m.path("spec_hash").asText().substring(0, 12), m.path("complete").asBoolean() ? "complete" : "INCOMPLETE");
            System.out.printf("  samples per label: %s%n  bytes: samples %d, frames %d; per cell-frame: %s%n",
                    m.path("samples_per_label"), m.path("samples_bytes").asLong(), m.path("frames_bytes").asLong(),
                    m.path("bytes_per_cell_frame"));
            spark.withSession("morphospark-inspect", session -> {
                List<Column> aggs = new ArrayList<>();
                for (String metric : PatternMetrics.NAMES) {
                    aggs.add(avg(col(metric)).alias(metric));
                }
                samples(session, dir).groupBy("family", "label").agg(count("*").alias("samples"), aggs.toArray(new Column[0]))
                        .orderBy("label").show(100, 12);
                return null;
            });
        }
    }

    @Command(name = "gallery", mixinStandardHelpOptions = true,
            description = "A PNG grid of final frames, a row per label; with --film also each label's first trajectory.")
    static final class Gallery implements Runnable {
        @Parameters(paramLabel = "DIR") Path dataset;
        @Option(names = "--per-label", defaultValue = "8") int perLabel;
        @Option(names = "--png", description = "Output PNG (default DIR/plots/gallery.png).") Path png;
        @Option(names = "--film", description = "Also write DIR/plots/film.png: the frames of each label's first sample.")
        boolean film;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            if (perLabel < 1) {
                throw new io.morphospark.datasets.BadInputException("--per-label must be at least 1, got " + perLabel);
            }
            DatasetDirectory dir = DatasetDirectory.open(dataset);
            Path out = png != null ? png : dir.root().resolve("plots/gallery.png");
            spark.withSession("morphospark-gallery", session -> {
                Dataset<Row> first = samples(session, dir)
                        .withColumn("rank", row_number().over(Window.partitionBy("label").orderBy("id")))
                        .where(col("rank").leq(perLabel)).orderBy("label", "id");
                Map<String, List<FrameImages.Tile>> rows = new LinkedHashMap<>();
                for (Row r : first.collectAsList()) {
                    rows.computeIfAbsent(r.getAs("label"), k -> new ArrayList<>()).add(tile(r, "final_").withCaption("id " + r.getAs("id")));
                }
                FrameImages.write(out, rows.entrySet().stream().map(e -> new FrameImages.Row(e.getKey(), e.getValue())).toList(), 2);
                System.out.println("gallery: " + out);
                if (film) {
                    Dataset<Row> frames = session.read().option("basePath", dir.table(DatasetTables.FRAMES).toString())
                            .parquet(dir.table(DatasetTables.FRAMES).toString());
                    Dataset<Row> firstIds = first.where(col("rank").equalTo(1)).select("id");
                    Map<String, List<FrameImages.Tile>> strips = new LinkedHashMap<>();
                    for (Row r : frames.join(firstIds, "id").orderBy("label", "step").collectAsList()) {
                        strips.computeIfAbsent(r.getAs("label"), k -> new ArrayList<>()).add(tile(r, "").withCaption("step " + r.getAs("step")));
                    }
                    Path filmPng = out.resolveSibling("film.png");
                    FrameImages.write(filmPng, strips.entrySet().stream().map(e -> new FrameImages.Row(e.getKey(), e.getValue())).toList(), 1);
                    System.out.println("film: " + filmPng);
                }
                return null;
            });
        }

        private static FrameImages.Tile tile(Row r, String prefix) {
            int w = r.getAs("width");
            int h = r.getAs("height");
            float[] v = FrameCodec.decode(booleans(r, prefix + "bits"), bytes(r, prefix + "states"), shorts(r, prefix + "quantised"),
                    r.isNullAt(r.fieldIndex(prefix + "q_offset")) ? 0 : r.getAs(prefix + "q_offset"),
                    r.isNullAt(r.fieldIndex(prefix + "q_scale")) ? 1 : r.getAs(prefix + "q_scale"));
            int states = r.getAs(prefix + "bits") != null ? 2 : r.getAs(prefix + "states") != null ? 16 : 0;
            if (r.getAs(prefix + "states") != null) {
                int max = 0;
                for (float x : v) {
                    max = Math.max(max, (int) x);
                }
                states = max + 1;
            }
            return new FrameImages.Tile(v, w, h, states);
        }

        private static boolean[] booleans(Row r, String f) {
            if (r.isNullAt(r.fieldIndex(f))) {
                return null;
            }
            List<Boolean> l = r.getList(r.fieldIndex(f));
            boolean[] a = new boolean[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i);
            }
            return a;
        }

        private static byte[] bytes(Row r, String f) {
            if (r.isNullAt(r.fieldIndex(f))) {
                return null;
            }
            List<Byte> l = r.getList(r.fieldIndex(f));
            byte[] a = new byte[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i);
            }
            return a;
        }

        private static short[] shorts(Row r, String f) {
            if (r.isNullAt(r.fieldIndex(f))) {
                return null;
            }
            List<Short> l = r.getList(r.fieldIndex(f));
            short[] a = new short[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = l.get(i);
            }
            return a;
        }
    }
}
