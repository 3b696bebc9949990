package io.morphospark.jobs.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.sweep.SweepPlan;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code morphospark generate}: fans a sweep's shards out over Spark in waves. Each task simulates
 * one shard; the wave is written to staging, then every shard's two files are moved into the
 * partitioned tables and its commit marker written last. Re-running skips committed shards.
 */
public final class GenerateJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final SweepPlan plan;
    private final PrintStream console;

    public GenerateJob(SparkSession spark, SweepPlan plan, PrintStream console) {
        this.spark = spark;
        this.plan = plan;
        this.console = console;
    }

    /**
     * Identifies what a dataset holds: the resolved spec (every label's effective ranges, the
     * format version), so a change of the catalogue's defaults is a different dataset too.
     */
    public static String specHash(SweepPlan plan) {
        return RunManifest.configHash(plan.identity());
    }

    public ObjectNode run(Path out) {
        JsonNode specJson = plan.identity();
        DatasetDirectory dir = DatasetDirectory.openForSpec(out, specHash(plan), specJson);
        try {
            return generate(dir);
        } finally {
            dir.unlock();
        }
    }

    private ObjectNode generate(DatasetDirectory dir) {
        List<SweepPlan.Shard> pending = plan.shards().stream().filter(s -> needsWork(dir, s.index())).toList();
        console.printf("generate: %d samples in %d shards -> %s (%d already committed)%n", plan.spec().totalSamples(),
                plan.shards().size(), dir.root(), plan.shards().size() - pending.size());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int waveSize = Math.max(1, 2 * jsc.defaultParallelism());
        long start = System.nanoTime();
        int done = plan.shards().size() - pending.size();
        for (int w = 0; w < pending.size(); w += waveSize) {
            List<SweepPlan.Shard> wave = pending.subList(w, Math.min(pending.size(), w + waveSize));
            writeWave(jsc, dir, wave, "wave-" + wave.get(0).index());
            done += wave.size();
            console.printf("generate: %d/%d shards committed, %.1f s%n", done, plan.shards().size(), (System.nanoTime() - start) / 1e9);
        }
        deleteRecursively(dir.root().resolve("_staging"));
        ObjectNode manifest = finish(dir);
        console.printf("generate: done in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, manifest.get("samples_per_label"));
        return manifest;
    }

    /**
     * Whether a shard still has to be generated: it was never committed, or its committed files are
     * damaged or missing (then its commit is withdrawn first, so the dataset reads as incomplete
     * until the shard is regenerated; generation is deterministic, so the result equals an undamaged run).
     */
    private boolean needsWork(DatasetDirectory dir, int shard) {
        if (!dir.isCommitted(shard)) {
            return true;
        }
        String damage = dir.damage(shard);
        if (damage == null) {
            return false;
        }
        console.printf("generate: shard %d is damaged (%s); regenerating it%n", shard, damage);
        ObjectNode m = (ObjectNode) dir.manifest();
        if (m.path("complete").asBoolean()) {
            m.put("complete", false);
            dir.writeManifest(m);
        }
        dir.uncommit(shard);
        return true;
    }

    private void writeWave(JavaSparkContext jsc, DatasetDirectory dir, List<SweepPlan.Shard> wave, String name) {
        SweepPlan p = plan;
        jsc.setJobDescription("generate shards " + wave.get(0).index() + "–" + wave.get(wave.size() - 1).index());
        // one partition per shard: the task of partition i writes part-0000i, which identifies the shard
        JavaRDD<ShardGenerator.Output> outputs = jsc.parallelize(new ArrayList<>(wave), wave.size())
                .map(shard -> ShardGenerator.generate(p, shard))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Path staging = dir.staging(name);
            deleteRecursively(staging);
            write(outputs.flatMap(o -> o.samples().iterator()), DatasetTables.samples(), staging.resolve(DatasetTables.SAMPLES));
            write(outputs.flatMap(o -> o.frames().iterator()), DatasetTables.frames(), staging.resolve(DatasetTables.FRAMES));
            Map<Integer, ShardGenerator.Output> byShard = new TreeMap<>();
            for (ShardGenerator.Output o : outputs.map(o -> new ShardGenerator.Output(o.shard(), List.of(), List.of(),
                    o.cellFrames(), o.frameKind(), o.millis())).collect()) {
                byShard.put(o.shard(), o);
            }
            for (int i = 0; i < wave.size(); i++) {
                commit(dir, staging, i, wave.get(i), byShard.get(wave.get(i).index()));
            }
            deleteRecursively(staging);
        } finally {
            outputs.unpersist(false);
        }
    }

    private void write(JavaRDD<org.apache.spark.sql.Row> rows, StructType schema, Path target) {
        spark.createDataFrame(rows, schema).write().option("compression", "zstd").parquet(target.toString());
    }

    private void commit(DatasetDirectory dir, Path staging, int partition, SweepPlan.Shard shard, ShardGenerator.Output out) {
        SweepPlan.LabelPlan label = plan.labels().get(shard.label());
        ObjectNode marker = JSON.createObjectNode();
        marker.put("shard", shard.index());
        marker.put("family", label.family());
        marker.put("label", label.label().id());
        marker.put("samples", shard.count());
        marker.put("cell_frames", out.cellFrames());
        marker.put("frame_kind", out.frameKind());
        marker.put("task_ms", out.millis());
        for (String table : List.of(DatasetTables.SAMPLES, DatasetTables.FRAMES)) {
            Path file = partFile(staging.resolve(table), partition);
            FileChecksums.of(file).put(marker, table + "_");
            dir.place(file, table, label.family(), label.label().id(), shard.index());
        }
        dir.commit(shard.index(), marker);
    }

    /** Spark names the file of task i part-0000i-…; exactly one per non-empty partition. */
    private static Path partFile(Path dir, int partition) {
        String prefix = String.format("part-%05d-", partition);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".parquet")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one file " + prefix + "*.parquet in " + dir + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest once every shard is committed: counts per label, bytes per table and per cell-frame. */
    private ObjectNode finish(DatasetDirectory dir) {
        ObjectNode m = (ObjectNode) dir.manifest();
        Map<String, Long> perLabel = new TreeMap<>();
        Map<String, long[]> perKind = new TreeMap<>(); // kind → {frames bytes, cell-frames}
        Map<String, long[]> perFamily = new TreeMap<>(); // family → {samples, task ms}
        long samplesBytes = 0;
        long framesBytes = 0;
        for (SweepPlan.Shard s : plan.shards()) {
            JsonNode marker = dir.shardSummary(s.index());
            perLabel.merge(marker.get("label").asText(), marker.get("samples").asLong(), Long::sum);
            samplesBytes += marker.get("samples_bytes").asLong();
            framesBytes += marker.get("frames_bytes").asLong();
            long[] k = perKind.computeIfAbsent(marker.get("frame_kind").asText(), x -> new long[2]);
            k[0] += marker.get("frames_bytes").asLong();
            k[1] += marker.get("cell_frames").asLong();
            long[] f = perFamily.computeIfAbsent(marker.get("family").asText(), x -> new long[2]);
            f[0] += marker.get("samples").asLong();
            f[1] += marker.get("task_ms").asLong();
        }
        m.put("complete", true);
        m.set("samples_per_label", JSON.valueToTree(perLabel));
        m.put("samples", perLabel.values().stream().mapToLong(Long::longValue).sum());
        m.put("shards", plan.shards().size());
        m.put("samples_bytes", samplesBytes);
        m.put("frames_bytes", framesBytes);
        ObjectNode kinds = m.putObject("bytes_per_cell_frame");
        perKind.forEach((kind, v) -> kinds.put(kind, v[1] == 0 ? 0 : (double) v[0] / v[1]));
        ObjectNode rates = m.putObject("samples_per_task_second");
        perFamily.forEach((family, v) -> rates.put(family, v[1] == 0 ? 0 : v[0] * 1000.0 / v[1]));
        dir.writeManifest(m);
        return m;
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
