package io.morphospark.datasets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.DirectoryLock;
import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.datasets.run.ProjectVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A pattern dataset on disk: {@code manifest.json}, the partitioned tables, and one commit marker
 * per finished shard in {@code _shards/}. A shard's files are moved into place first and its
 * marker written last (atomically), so a shard is either committed or will be redone; re-running
 * the same spec skips committed shards, and a different spec is refused.
 *
 * <p>A marker records the size and CRC32C of its shard's files, so damage at rest (a truncated,
 * altered or deleted file) is found by {@link #verify()} and by a re-run, which regenerates the
 * shard. A writer holds the dataset's exclusive {@link DirectoryLock} ({@value #LOCK_FILE}) for
 * its lifetime; a second writer fails at once naming the holder.
 */
public final class DatasetDirectory {
    public static final int SCHEMA_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String LOCK_FILE = ".lock";
    public static final List<String> TABLES = List.of(DatasetTables.SAMPLES, DatasetTables.FRAMES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private DatasetDirectory(Path root) {
        this.root = root;
    }

    /**
     * Opens {@code root} for the spec with this hash, locked for this process: creates it, or
     * continues the same spec's dataset.
     */
    public static DatasetDirectory openForSpec(Path root, String specHash, JsonNode spec) {
        Path abs = root.toAbsolutePath().normalize();
        boolean existed = Files.exists(abs);
        DirectoryLock lock = lock(abs);
        try {
            DatasetDirectory d = new DatasetDirectory(abs);
            if (Files.exists(abs.resolve(MANIFEST))) {
                requireSameSpec(abs, specHash);
                return d;
            }
            if (existed && !isEmpty(abs)) {
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
        } catch (RuntimeException e) {
            lock.release();
            if (!existed) {
                deleteIfEmpty(abs); // nothing written: not even the directory
            }
            throw e;
        }
    }

    /** Takes the dataset's exclusive lock (re-entrant in this process); fails at once when another process writes it. */
    public static DirectoryLock lock(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        return DirectoryLock.acquire(abs.resolve(LOCK_FILE), "dataset " + abs,
                "its committed shards are kept; running the same generate command again completes it");
    }

    /** Releases this process's lock on the dataset (the end of a generate). */
    public void unlock() {
        lock(root).release();
    }

    /**
     * Refuses a directory that holds a dataset of another spec, or one that another process is
     * writing (an existing directory is locked for this process from here on, so a second writer
     * fails before it starts any work); a directory without a dataset passes.
     */
    public static void requireSameSpec(Path root, String specHash) {
        Path abs = root.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            lock(abs);
        }
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

    /** Where a shard's file of {@code table} lives. */
    public Path shardPath(String table, String family, String label, int shard) {
        return table(table).resolve("family=" + family).resolve("label=" + label).resolve(shardFile(shard));
    }

    /**
     * What is wrong with a shard that has a marker: an unreadable marker, or a file missing, of
     * another size or with another checksum than recorded. Null when the shard is intact.
     */
    public String damage(int shard) {
        JsonNode m;
        try {
            m = JSON.readTree(marker(shard).toFile());
        } catch (IOException e) {
            return marker(shard) + ": cannot be read (" + String.valueOf(e.getMessage()).split("\n")[0] + ")";
        }
        if (m == null || !m.has("family") || !m.has("label")) {
            return marker(shard) + ": damaged (no family or label)";
        }
        for (String t : TABLES) {
            String p = FileChecksums.problem(shardPath(t, m.get("family").asText(), m.get("label").asText(), shard),
                    m.path(t + "_bytes").asLong(-1), m.has(t + "_" + FileChecksums.ALGORITHM)
                            ? m.get(t + "_" + FileChecksums.ALGORITHM).asText() : null);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Whether a shard is committed and its files are as recorded. */
    public boolean isIntact(int shard) {
        return isCommitted(shard) && damage(shard) == null;
    }

    /** Forgets a damaged shard's commit, so it counts as not done (and a kill while redoing it loses nothing). */
    public void uncommit(int shard) {
        try {
            Files.deleteIfExists(marker(shard));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + marker(shard), e);
        }
    }

    /**
     * Every damaged or missing file of the dataset, one line each: the manifest, every shard's
     * marker and files, and (for a complete dataset) every shard the manifest counts.
     */
    public List<String> verify() {
        List<String> problems = new ArrayList<>();
        JsonNode manifest;
        try {
            manifest = JSON.readTree(root.resolve(MANIFEST).toFile());
        } catch (IOException e) {
            return List.of(root.resolve(MANIFEST) + ": cannot be read (" + String.valueOf(e.getMessage()).split("\n")[0] + ")");
        }
        TreeSet<Integer> shards = new TreeSet<>(markedShards());
        if (manifest.path("complete").asBoolean()) {
            for (int s = 0; s < manifest.path("shards").asInt(); s++) {
                if (!shards.contains(s)) {
                    problems.add(marker(s) + ": missing (the manifest counts " + manifest.path("shards").asInt() + " shards)");
                }
            }
        }
        for (int s : shards) {
            String p = damage(s);
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** Refuses to read a dataset with damage: names the first damaged file (and how many more) in one line. */
    public void requireIntact() {
        List<String> problems = verify();
        if (!problems.isEmpty()) {
            throw new BadInputException("dataset " + root + " is damaged: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see 'dataset verify')" : "")
                    + "; re-run its generate command to repair it");
        }
    }

    private List<Integer> markedShards() {
        Path dir = root.resolve("_shards");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("shard-\\d+\\.json"))
                    .map(n -> Integer.parseInt(n.substring(6, n.length() - 5))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Moves a shard's file into the table's partition directory, replacing a leftover of an interrupted commit. */
    public void place(Path stagedFile, String table, String family, String label, int shard) {
        Path target = shardPath(table, family, label, shard);
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

    private static void deleteIfEmpty(Path p) {
        try {
            if (Files.isDirectory(p) && isEmpty(p)) {
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // an empty directory left behind is harmless
        }
    }

    private static boolean isEmpty(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.noneMatch(f -> !f.getFileName().toString().equals(LOCK_FILE));
        } catch (IOException e) {
            return false;
        }
    }
}
