package io.morphospark.datasets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.ProjectVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A pattern dataset on disk: {@code manifest.json}, the partitioned tables, and one commit marker
 * per finished shard in {@code _shards/}. A shard's files are moved into place first and its
 * marker written last (atomically), so a shard is either committed or will be redone; re-running
 * the same spec skips committed shards, and a different spec is refused.
 */
public final class DatasetDirectory {
    public static final int SCHEMA_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private DatasetDirectory(Path root) {
        this.root = root;
    }

    /** Opens {@code root} for the spec with this hash: creates it, or continues the same spec's dataset. */
    public static DatasetDirectory openForSpec(Path root, String specHash, JsonNode spec) {
        Path abs = root.toAbsolutePath().normalize();
        DatasetDirectory d = new DatasetDirectory(abs);
        if (Files.exists(abs.resolve(MANIFEST))) {
            requireSameSpec(abs, specHash);
            return d;
        }
        if (Files.exists(abs) && !isEmpty(abs)) {
            throw new BadInputException("output directory " + abs + " exists and holds no dataset");
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("schema_version", SCHEMA_VERSION);
        m.put("spec_hash", specHash);
        m.put("project_version", ProjectVersion.get());
        m.put("created", Instant.now().toString());
        m.put("complete", false);
        m.set("spec", spec);
        d.writeManifest(m);
        return d;
    }

    /** Refuses a directory that holds a dataset of another spec; a directory without a dataset passes. */
    public static void requireSameSpec(Path root, String specHash) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.exists(abs.resolve(MANIFEST))) {
            return;
        }
        String existing = new DatasetDirectory(abs).manifest().path("spec_hash").asText();
        if (!existing.equals(specHash)) {
            throw new BadInputException("dataset " + abs + " was generated from another spec (hash "
                    + existing.substring(0, Math.min(12, existing.length())) + "…); write this spec to a new directory");
        }
    }

    /** Opens an existing dataset for reading. */
    public static DatasetDirectory open(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.exists(abs.resolve(MANIFEST))) {
            throw new BadInputException(abs + " is not a dataset: it has no " + MANIFEST);
        }
        return new DatasetDirectory(abs);
    }

    public Path root() {
        return root;
    }

    public Path table(String name) {
        return root.resolve(name);
    }

    /** Scratch space for one wave of shards, inside the dataset so that moves stay on one file system. */
    public Path staging(String name) {
        return root.resolve("_staging").resolve(name);
    }

    public boolean isCommitted(int shard) {
        return Files.exists(marker(shard));
    }

    /** Moves a shard's file into the table's partition directory, replacing a leftover of an interrupted commit. */
    public void place(Path stagedFile, String table, String family, String label, int shard) {
        Path target = table(table).resolve("family=" + family).resolve("label=" + label).resolve(shardFile(shard));
        try {
            Files.createDirectories(target.getParent());
            Files.move(stagedFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + stagedFile + " to " + target, e);
        }
    }

    /** Marks a shard committed; written last, atomically. */
    public void commit(int shard, JsonNode summary) {
        writeAtomically(marker(shard), summary);
    }

    public JsonNode shardSummary(int shard) {
        return read(marker(shard));
    }

    public JsonNode manifest() {
        return read(root.resolve(MANIFEST));
    }

    public void writeManifest(JsonNode manifest) {
        writeAtomically(root.resolve(MANIFEST), manifest);
    }

    public static String shardFile(int shard) {
        return String.format("shard-%06d.parquet", shard);
    }

    private Path marker(int shard) {
        return root.resolve("_shards").resolve(String.format("shard-%06d.json", shard));
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new BadInputException(p + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path p, JsonNode json) {
        try {
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), json);
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    private static boolean isEmpty(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
