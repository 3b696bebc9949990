package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a run has recorded so far (per-generation table rows and the like), kept out of its
 * {@link Checkpoint} so that a checkpoint holds only the state and costs the same at every step.
 *
 * <p>Each step appends one batch (named streams of rows) to an append-only file in the staging
 * directory and forces it to disk; the checkpoint written after it records the file's
 * {@link #length()}. On resume the log is {@linkplain #reopen truncated to that length}, dropping a
 * batch appended after the last checkpoint (a kill between the two writes), so the rows always
 * agree with the checkpointed state. At commit the job reads the streams back, writes its tables
 * and {@linkplain #delete deletes} the log. Any job with a per-step loop (ES, discovery, sweeps)
 * can use it; rows must be {@link Serializable} (Spark's {@code GenericRow} is).
 *
 * <p>Format: frames of [int length][Java-serialised {@code LinkedHashMap<String, ArrayList>}],
 * one per batch, so class descriptors are written once per step rather than once per row.
 */
public final class HistoryLog {
    public static final String FILE = "history/rows.log";

    private final Path file;
    private long length;

    private HistoryLog(Path file, long length) {
        this.file = file;
        this.length = length;
    }

    /** A new, empty log in {@code runDir} (any earlier one is discarded). */
    public static HistoryLog create(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create history log " + file, e);
        }
        return new HistoryLog(file, 0);
    }

    /**
     * The log of {@code runDir} as a checkpoint recorded it: cut back to {@code length} bytes, the
     * batches appended after that checkpoint removed.
     */
    public static HistoryLog reopen(Path runDir, long length) {
        Path file = runDir.resolve(FILE);
        try {
            long size = Files.exists(file) ? Files.size(file) : -1;
            if (size < length) {
                throw new BadInputException("history log " + file + " holds " + Math.max(size, 0) + " bytes but the checkpoint "
                        + "covers " + length + "; the run is damaged");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(length);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen history log " + file, e);
        }
        return new HistoryLog(file, length);
    }

    /** Bytes of whole batches written so far: what a checkpoint records. */
    public long length() {
        return length;
    }

    /** Appends one batch and forces it to disk; returns the new {@link #length()}. */
    public long append(Map<String, ? extends List<? extends Serializable>> batch) {
        LinkedHashMap<String, ArrayList<Object>> copy = new LinkedHashMap<>();
        batch.forEach((stream, rows) -> copy.put(stream, new ArrayList<>(rows)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a history batch", e);
        }
        ByteBuffer frame = ByteBuffer.allocate(4 + bytes.size());
        frame.putInt(bytes.size()).put(bytes.toByteArray()).flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.position(length);
            while (frame.hasRemaining()) {
                ch.write(frame);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to history log " + file, e);
        }
        length += 4 + bytes.size();
        return length;
    }

    /** Every stream's rows in append order, over the first {@link #length()} bytes. */
    public Map<String, List<Object>> readAll() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            long read = 0;
            while (read < length) {
                int size = data.readInt();
                byte[] payload = data.readNBytes(size);
                if (payload.length != size) {
                    throw new EOFException("torn batch at byte " + read);
                }
                try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(payload))) {
                    @SuppressWarnings("unchecked")
                    Map<String, List<Object>> batch = (Map<String, List<Object>>) ois.readObject();
                    batch.forEach((stream, rows) -> out.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(rows));
                }
                read += 4 + size;
            }
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new BadInputException("history log " + file + " cannot be read (" + e + "); it was written by another "
                    + "version or is damaged", e);
        }
        return out;
    }

    /** Removes the log (its rows are in the tables now) so it does not ship with the committed run. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete history log " + file, e);
        }
    }

    /** Deletes the log of {@code runDir}, if there is one. */
    public static void deleteIn(Path runDir) {
        new HistoryLog(runDir.resolve(FILE), 0).delete();
    }
}
