package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.datasets.run.NewFiles;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.row_number;

/**
 * {@code morphospark dataset inspect|gallery|verify}: look at a generated dataset. Readers check the
 * dataset's recorded sizes and checksums first, so damage is named in one line instead of
 * surfacing as a Parquet trace half-way through.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Inspect a pattern dataset, draw a gallery of it, or verify its files (and those of a run).",
        subcommands = {DatasetCommand.Inspect.class, DatasetCommand.Gallery.class, DatasetCommand.Verify.class})
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
        @Parameters(paramLabel = "DIR", description = "The dataset directory (what generate --out wrote).") Path dataset;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            DatasetDirectory dir = DatasetDirectory.open(dataset);
            dir.requireIntact();
            JsonNode m = dir.manifest();
            System.out.printf("dataset %s%n  schema version %d, spec %s, %s%n", dir.root(), m.path("schema_version").asInt(),
                    m.path("spec_hash").asText().substring(0, 12), m.path("complete").asBoolean() ? "complete" : "INCOMPLETE");
            System.out.printf("  samples per label: %s%n  bytes: samples %d, frames %d; per cell-frame: %s%n",
                    m.path("samples_per_label"), m.path("samples_bytes").asLong(), m.path("frames_bytes").asLong(),
                    m.path("bytes_per_cell_frame"));
            spark.withQuietSession("morphospark-inspect", session -> {
                List<Column> aggs = new ArrayList<>();
                for (String metric : PatternMetrics.NAMES) {
                    aggs.add(avg(col(metric)).alias(metric));
                }
                Dataset<Row> perLabel = samples(session, dir).groupBy("family", "label")
                        .agg(count("*").alias("samples"), aggs.toArray(new Column[0])).orderBy("label").cache();
                if (m.path("complete").asBoolean()) {
                    requireCountsAgree(dir, m.path("samples_per_label"), perLabel);
                }
                perLabel.show(100, 12);
                return null;
            });
        }

        /** The manifest's counts are what the table holds, or the dataset is named damaged (never two truths printed). */
        private static void requireCountsAgree(DatasetDirectory dir, JsonNode manifestCounts, Dataset<Row> perLabel) {
            Map<String, Long> table = new java.util.TreeMap<>();
            for (Row r : perLabel.select("label", "samples").collectAsList()) {
                table.put(r.getString(0), r.getLong(1));
            }
            Map<String, Long> manifest = new java.util.TreeMap<>();
            manifestCounts.fields().forEachRemaining(e -> manifest.put(e.getKey(), e.getValue().asLong()));
            if (!table.equals(manifest)) {
                throw new io.morphospark.datasets.BadInputException("dataset " + dir.root() + " is damaged: its manifest counts "
                        + manifest + " samples per label but its samples table holds " + table
                        + "; re-run its generate command to repair it");
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every committed file of a dataset (each shard's size and CRC32C) or of a finished run "
                    + "(its checksums.json) and list the damaged or missing ones; exit 2 if there are any.")
    static final class Verify implements Runnable {
        @Parameters(paramLabel = "DIR", description = "A dataset directory or a finished run directory.") Path target;

        @Override
        public void run() {
            Path abs = target.toAbsolutePath().normalize();
            boolean run = Files.exists(abs.resolve(io.morphospark.datasets.run.RunDirectory.RUN_FILE));
            List<String> problems = run ? FileChecksums.verifyRun(abs) : DatasetDirectory.open(abs).verify();
            for (String p : problems) {
                System.out.println("damaged: " + p);
            }
            if (!problems.isEmpty()) {
                throw new io.morphospark.datasets.BadInputException((run ? "run " : "dataset ") + abs + " has "
                        + problems.size() + " damaged or missing file" + (problems.size() == 1 ? "" : "s")
                        + (run ? "" : "; re-run its generate command to regenerate them"));
            }
            System.out.println("verify: " + (run ? "run " : "dataset ") + abs + ": every committed file is intact");
        }
    }

    @Command(name = "gallery", mixinStandardHelpOptions = true,
            description = "A PNG grid of final frames, a row per label; with --film also each label's first trajectory.")
    static final class Gallery implements Runnable {
        @Parameters(paramLabel = "DIR", description = "The dataset directory (what generate --out wrote).") Path dataset;
        @Option(names = "--per-label", defaultValue = "8", description = "Samples drawn per label (the lowest ids).")
        int perLabel;
        @Option(names = "--png", paramLabel = "FILE", description = "Output PNG, which must not exist yet (default "
                + "DIR/plots/gallery.png, replaced on each run).") Path png;
        @Option(names = "--film", description = "Also draw the frames of each label's first sample: DIR/plots/film.png, or "
                + "NAME-film.png beside --png NAME.png (which must not exist yet either).")
        boolean film;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            if (perLabel < 1) {
                throw new io.morphospark.datasets.BadInputException("--per-label must be at least 1, got " + perLabel);
            }
            DatasetDirectory dir = DatasetDirectory.open(dataset);
            // the default files live in the dataset's plots/ and are gallery's own; a path the user names is never replaced
            Path out = png != null ? NewFiles.requireAbsent(png, "--png") : dir.root().resolve("plots/gallery.png");
            Path filmPng = png != null ? out.resolveSibling(stem(out) + "-film.png") : out.resolveSibling("film.png");
            if (film && png != null) {
                NewFiles.requireAbsent(filmPng, "--film");
            }
            dir.requireIntact();
            spark.withQuietSession("morphospark-gallery", session -> {
                Dataset<Row> first = samples(session, dir)
                        .withColumn("rank", row_number().over(Window.partitionBy("label").orderBy("id")))
                        .where(col("rank").leq(perLabel)).orderBy("label", "id");
                Map<String, List<FrameImages.Tile>> rows = new LinkedHashMap<>();
                for (Row r : first.collectAsList()) {
                    rows.computeIfAbsent(r.getAs("label"), k -> new ArrayList<>()).add(tile(r, "final_").withCaption("id " + r.getAs("id")));
                }
                write(out, "--png", rows, 2);
                System.out.println("gallery: " + out);
                if (film) {
                    Dataset<Row> frames = session.read().option("basePath", dir.table(DatasetTables.FRAMES).toString())
                            .parquet(dir.table(DatasetTables.FRAMES).toString());
                    Dataset<Row> firstIds = first.where(col("rank").equalTo(1)).select("id");
                    Map<String, List<FrameImages.Tile>> strips = new LinkedHashMap<>();
                    for (Row r : frames.join(firstIds, "id").orderBy("label", "step").collectAsList()) {
                        strips.computeIfAbsent(r.getAs("label"), k -> new ArrayList<>()).add(tile(r, "").withCaption("step " + r.getAs("step")));
                    }
                    write(filmPng, "--film", strips, 1);
                    System.out.println("film: " + filmPng);
                }
                return null;
            });
        }

        private void write(Path file, String option, Map<String, List<FrameImages.Tile>> rows, int scale) {
            List<FrameImages.Row> grid = rows.entrySet().stream().map(e -> new FrameImages.Row(e.getKey(), e.getValue())).toList();
            if (png == null) {
                FrameImages.write(file, grid, scale);
            } else {
                NewFiles.write(file, option, tmp -> FrameImages.write(tmp, grid, scale));
            }
        }

        private static String stem(Path file) {
            String name = file.getFileName().toString();
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
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
