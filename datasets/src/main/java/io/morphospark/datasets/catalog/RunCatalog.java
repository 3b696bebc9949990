package io.morphospark.datasets.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.run.DirectoryLock;
import io.morphospark.datasets.run.RunDirectory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run catalogue: one Parquet table, {@code ROOT/catalog}, with a row per run found below ROOT
 * (finished, interrupted, or a sweep trial that failed), whether a sweep made it or not, and a row
 * per dataset directory that {@code generate} wrote (job {@code generate}; its figures as metrics). Plain
 * Parquet types only (strings, doubles, string→string and string→double maps), so DuckDB, pandas
 * and Zeppelin read it as they are. It is written beside the old one and renamed into place, and
 * a {@code catalog} that this class did not write (no {@value #MARKER}) is never replaced.
 */
public final class RunCatalog {
    public static final String DIRECTORY = "catalog";
    /** Written into every catalogue: the proof that a {@code catalog} directory is ours to replace. */
    public static final String MARKER = "_MORPHOSPARK_CATALOG";
    /** What a sweep root holds besides its trials (see the sweep runner). */
    public static final String SWEEP_FILE = "sweep.json";
    public static final String FAILURES = "failures";
    public static final String TRIALS = "trials";
    private static final Pattern STAGING = Pattern.compile("^\\.(.+)\\.inprogress$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField("run", DataTypes.StringType, false),
            DataTypes.createStructField("job", DataTypes.StringType, false),
            DataTypes.createStructField("trial_id", DataTypes.StringType, false),
            DataTypes.createStructField("sweep", DataTypes.StringType, true),
            DataTypes.createStructField("config_hash", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true),
            DataTypes.createStructField("started", DataTypes.StringType, true),
            DataTypes.createStructField("ended", DataTypes.StringType, true),
            DataTypes.createStructField("wall_time_s", DataTypes.DoubleType, true),
            DataTypes.createStructField("config", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false),
            DataTypes.createStructField("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false)});

    /** Length of a trial id: the start of the SHA-256 of the resolved configuration. */
    public static final int TRIAL_ID_LENGTH = 12;

    private RunCatalog() {
    }

    public static String trialId(String configHash) {
        return configHash.substring(0, Math.min(TRIAL_ID_LENGTH, configHash.length()));
    }

    /** Scans {@code root} and replaces its catalogue; returns the number of runs listed. */
    public static long index(SparkSession spark, Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new BadInputException("ROOT " + abs + " is not a directory");
        }
        Path target = abs.resolve(DIRECTORY);
        if (Files.exists(target) && !Files.exists(target.resolve(MARKER))) {
            throw new BadInputException(target + " exists and was not written by 'morphospark runs index'; move it away first");
        }
        DirectoryLock lock = DirectoryLock.acquire(abs.resolve("." + DIRECTORY + ".lock"), "catalogue " + target,
                "the catalogue is rewritten whole by the next 'morphospark runs index'");
        try {
            List<Row> rows = scan(abs);
            Path staging = abs.resolve("." + DIRECTORY + ".inprogress");
            spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                    .option("compression", "zstd").parquet(staging.toString());
            Files.writeString(staging.resolve(MARKER), "written by morphospark runs index at " + Instant.now() + "\n");
            Path superseded = abs.resolve("." + DIRECTORY + ".superseded");
            deleteRecursively(superseded);
            if (Files.exists(target)) {
                Files.move(target, superseded, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(superseded);
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalogue " + target, e);
        } finally {
            lock.release();
        }
    }

    /** The catalogue of {@code root}, as a table. */
    public static Dataset<Row> read(SparkSession spark, Path root) {
        Path dir = root.toAbsolutePath().normalize().resolve(DIRECTORY);
        if (!Files.exists(dir.resolve(MARKER))) {
            throw new BadInputException("ROOT " + root.toAbsolutePath().normalize() + " has no catalogue; run "
                    + "'morphospark runs index " + root + "' first");
        }
        return spark.read().parquet(dir.toString());
    }

    /** One row per run below {@code root}, in path order. */
    public static List<Row> scan(Path root) {
        List<Row> rows = new ArrayList<>();
        walk(root, root, null, rows);
        return rows;
    }

    /** {@code sweep}: the sweep whose {@code trials/} directory {@code dir} is, else null. */
    private static void walk(Path root, Path dir, Sweep sweep, List<Row> rows) {
        Sweep owner = null; // a sweep root's trials/ belong to it; a run put elsewhere below it does not
        if (Files.exists(dir.resolve(SWEEP_FILE))) {
            owner = new Sweep(dir, readJson(dir.resolve(SWEEP_FILE)).path("name").asText(dir.getFileName().toString()));
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            Matcher staging = STAGING.matcher(name);
            if (staging.matches()) {
                if (Files.exists(child.resolve(RunDirectory.RUN_FILE))) {
                    rows.add(row(root, child.resolveSibling(staging.group(1)), child, "interrupted", sweep));
                }
            } else if (name.startsWith(".") || dir.equals(root) && name.equals(DIRECTORY)) {
                continue; // locks, reopenings, the catalogue itself
            } else if (Files.exists(child.resolve(RunDirectory.RUN_FILE))) {
                if (!Files.exists(child.resolveSibling("." + name + ".inprogress").resolve(RunDirectory.RUN_FILE))) {
                    rows.add(row(root, child, child, "finished", sweep)); // else listed once, as in progress
                }
            } else if (isDataset(child)) {
                rows.add(datasetRow(root, child, sweep));
            } else {
                walk(root, child, owner != null && name.equals(TRIALS) ? owner : null, rows);
            }
        }
        if (owner != null) {
            addFailedBeforeStarting(root, owner, rows);
        }
    }

    /** A trial that failed before its run directory existed is listed from its failure record alone. */
    private static void addFailedBeforeStarting(Path root, Sweep sweep, List<Row> rows) {
        Path failures = sweep.root().resolve(FAILURES);
        if (!Files.isDirectory(failures)) {
            return;
        }
        List<Path> records;
        try (Stream<Path> s = Files.list(failures)) {
            records = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + failures, e);
        }
        for (Path file : records) {
            JsonNode rec = readJson(file);
            String id = rec.path("trial_id").asText();
            boolean listed = rows.stream().anyMatch(r -> id.equals(r.getString(2)) && sweep.name().equals(r.getString(3)));
            if (listed || !rec.has("config_hash")) {
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            flatten("", rec.path("config"), config);
            rows.add(RowFactory.create(root.relativize(sweep.root().resolve(TRIALS).resolve(id)).toString(),
                    rec.path("job").asText(), id, sweep.name(), rec.path("config_hash").asText(), "failed",
                    rec.path("error").asText(null), null, rec.path("time").asText(null), null,
                    scala.jdk.javaapi.CollectionConverters.asScala(config),
                    scala.jdk.javaapi.CollectionConverters.asScala(new TreeMap<String, Double>())));
        }
    }

    private record Sweep(Path root, String name) {
    }

    /** A dataset directory of {@code generate}: its manifest records a schema version and a spec hash. */
    private static boolean isDataset(Path dir) {
        Path manifest = dir.resolve(DatasetDirectory.MANIFEST);
        if (!Files.exists(manifest)) {
            return false;
        }
        JsonNode m = readJson(manifest);
        return m.has("schema_version") && m.has("spec_hash") && m.has("spec");
    }

    /**
     * A dataset as a catalogue row: job {@code generate}, its spec hash as config hash (a sweep's
     * generate trial is named by it), the resolved spec flattened as configuration, finished when its
     * manifest is complete, and its key figures as metrics: samples, shards, labels and bytes (samples
     * and frames tables, and their sum); an unfinished dataset counts its committed shards.
     */
    private static Row datasetRow(Path root, Path dir, Sweep sweep) {
        JsonNode manifest = readJson(dir.resolve(DatasetDirectory.MANIFEST));
        String hash = manifest.path("spec_hash").asText();
        String trialId = trialId(hash);
        boolean complete = manifest.path("complete").asBoolean();
        String[] failure = failure(sweep, trialId, complete ? "finished" : "interrupted");
        Map<String, String> config = new TreeMap<>();
        flatten("", manifest.path("spec"), config);
        Map<String, Double> metrics = new TreeMap<>();
        String started = manifest.path("created").asText(null);
        String ended = null;
        Double wall = null;
        if (complete) {
            metrics.put("samples", manifest.path("samples").asDouble());
            metrics.put("shards", manifest.path("shards").asDouble());
            metrics.put("labels", (double) manifest.path("samples_per_label").size());
            metrics.put("samples_bytes", manifest.path("samples_bytes").asDouble());
            metrics.put("frames_bytes", manifest.path("frames_bytes").asDouble());
            metrics.put("bytes", manifest.path("samples_bytes").asDouble() + manifest.path("frames_bytes").asDouble());
            manifest.path("samples_per_label").fields().forEachRemaining(
                    f -> metrics.put("samples." + f.getKey(), f.getValue().asDouble()));
            try {
                ended = Files.getLastModifiedTime(dir.resolve(DatasetDirectory.MANIFEST)).toInstant().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wall = started == null ? null : Duration.between(Instant.parse(started), Instant.parse(ended)).toMillis() / 1e3;
        } else {
            Path shards = dir.resolve("_shards");
            try (Stream<Path> s = Files.isDirectory(shards) ? Files.list(shards) : Stream.empty()) {
                metrics.put("shards_committed", (double) s.filter(p -> p.getFileName().toString().endsWith(".json")).count());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + shards, e);
            }
        }
        return RowFactory.create(root.relativize(dir).toString(), "generate", trialId, sweep == null ? null : sweep.name(),
                hash, failure[0], failure[1], started, ended, wall,
                scala.jdk.javaapi.CollectionConverters.asScala(config),
                scala.jdk.javaapi.CollectionConverters.asScala(metrics));
    }

    /** {status, error}: a sweep trial that did not finish and has a failure record is listed as failed. */
    private static String[] failure(Sweep sweep, String trialId, String status) {
        if (sweep != null && !"finished".equals(status)) {
            Path failure = sweep.root().resolve(FAILURES).resolve(trialId + ".json");
            if (Files.exists(failure)) {
                return new String[] {"failed", readJson(failure).path("error").asText(null)};
            }
        }
        return new String[] {status, null};
    }

    private static Row row(Path root, Path run, Path manifestDir, String status, Sweep sweep) {
        JsonNode manifest = readJson(manifestDir.resolve(RunDirectory.RUN_FILE));
        String hash = manifest.path("config_hash").asText();
        String trialId = trialId(hash);
        String[] failed = failure(sweep, trialId, status);
        status = failed[0];
        String error = failed[1];
        Map<String, String> config = new TreeMap<>();
        flatten("", manifest.path("config"), config);
        Map<String, Double> metrics = new TreeMap<>();
        JsonNode summary = Files.exists(manifestDir.resolve("summary.json")) ? readJson(manifestDir.resolve("summary.json")) : null;
        if (summary != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = summary.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isNumber() && Double.isFinite(f.getValue().asDouble())) {
                    metrics.put(f.getKey(), f.getValue().asDouble());
                }
            }
        }
        String started = manifest.path("created").asText(null);
        String ended = null;
        Double wall = null;
        if ("finished".equals(status)) {
            try {
                Path last = summary != null ? manifestDir.resolve("summary.json") : manifestDir.resolve(RunDirectory.RUN_FILE);
                ended = Files.getLastModifiedTime(last).toInstant().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wall = summary != null && summary.path("wall_time_s").isNumber() ? summary.path("wall_time_s").asDouble()
                    : started == null ? null : Duration.between(Instant.parse(started), Instant.parse(ended)).toMillis() / 1e3;
        }
        return RowFactory.create(root.relativize(run).toString(), manifest.path("job").asText(), trialId,
                sweep == null ? null : sweep.name(), hash, status, error, started, ended, wall,
                scala.jdk.javaapi.CollectionConverters.asScala(config),
                scala.jdk.javaapi.CollectionConverters.asScala(metrics));
    }

    /** {@code problem.nca.size → "64"}; lists as their JSON text. */
    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
        } else if (!node.isMissingNode()) {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read: " + String.valueOf(e.getMessage()).split("\n")[0], e);
        }
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
