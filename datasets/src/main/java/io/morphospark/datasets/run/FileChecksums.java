package io.morphospark.datasets.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Size and CRC32C of committed files, so damage to data at rest (a truncated, altered or deleted
 * file) is found before anything reads it. CRC32C is what HDFS and most object stores use for the
 * same purpose; it catches every burst error up to 32 bits and is computed at disk speed.
 */
public final class FileChecksums {
    /** The list a committed run keeps of its files. */
    public static final String RUN_FILE = "checksums.json";
    public static final String ALGORITHM = "crc32c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileChecksums() {
    }

    /** A file's size and checksum as recorded. */
    public record Entry(long bytes, String crc32c) {
        public void put(ObjectNode node, String prefix) {
            node.put(prefix + "bytes", bytes);
            node.put(prefix + ALGORITHM, crc32c);
        }
    }

    public static Entry of(Path file) {
        CRC32C crc = new CRC32C();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                bytes += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Entry(bytes, HexFormat.of().toHexDigits((int) crc.getValue()));
    }

    /**
     * What is wrong with {@code file} against what was recorded ({@code crc32c} may be null for data
     * recorded before checksums existed: then only the size is checked); null when it is intact.
     */
    public static String problem(Path file, long bytes, String crc32c) {
        long actual;
        try {
            actual = Files.size(file);
        } catch (NoSuchFileException e) {
            return file + ": missing";
        } catch (IOException e) {
            return file + ": cannot be read (" + e.getMessage() + ")";
        }
        if (actual != bytes) {
            return file + ": " + actual + " bytes, " + bytes + " recorded (truncated or altered)";
        }
        if (crc32c != null && !crc32c.equals(of(file).crc32c())) {
            return file + ": checksum differs from the one recorded (altered)";
        }
        return null;
    }

    /** Records every file under {@code root} in {@code root/checksums.json}, written atomically. */
    public static void writeRunList(Path root) {
        writeRunList(root, null);
    }

    /** As {@link #writeRunList(Path)}, leaving out the top-level directory {@code leftOut} (null: none). */
    public static void writeRunList(Path root, String leftOut) {
        ObjectNode list = JSON.createObjectNode();
        list.put("algorithm", ALGORITHM);
        ObjectNode files = list.putObject("files");
        for (Map.Entry<String, Path> f : filesUnder(root).entrySet()) {
            boolean dropped = leftOut != null && f.getKey().startsWith(leftOut + "/");
            if (!dropped && !f.getKey().equals(RUN_FILE) && !f.getKey().equals(RunDirectory.REOPENED)) {
                Entry e = of(f.getValue());
                ObjectNode node = files.putObject(f.getKey());
                node.put("bytes", e.bytes());
                node.put(ALGORITHM, e.crc32c());
            }
        }
        Path target = root.resolve(RUN_FILE);
        Path tmp = root.resolve(RUN_FILE + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), list);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Every damaged or missing file of a committed run, one line each; empty when all are intact. */
    public static List<String> verifyRun(Path root) {
        Path listFile = root.resolve(RUN_FILE);
        if (!Files.exists(listFile)) {
            throw new BadInputException(root + " has no " + RUN_FILE + " (a run committed before checksums were recorded, "
                    + "or not a finished run)");
        }
        JsonNode list;
        try {
            list = JSON.readTree(listFile.toFile());
        } catch (IOException e) {
            return List.of(listFile + ": cannot be read (" + e.getMessage().split("\n")[0] + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String p = problem(root.resolve(f.getKey()), f.getValue().path("bytes").asLong(-1),
                    f.getValue().path(ALGORITHM).asText(null));
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** Regular files under {@code root} by relative path (with '/'), in a fixed order. */
    static Map<String, Path> filesUnder(Path root) {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files;
    }
}
