package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A run's state after a generation, replaced atomically: written to a temporary file, forced to
 * disk and renamed over the previous one, so a run killed at any moment leaves either the old or
 * the new checkpoint, never a torn one.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint/state.bin";

    private Checkpoint() {
    }

    public static void write(Path runDir, Serializable state) {
        writeFile(runDir.resolve(FILE), state);
    }

    /** Writes {@code state} to {@code file} the same way: whole or not at all (e.g. one of several partial results). */
    public static void writeFile(Path file, Serializable state) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream oos = new ObjectOutputStream(out)) {
                oos.writeObject(state);
                oos.flush();
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    public static boolean exists(Path runDir) {
        return Files.exists(runDir.resolve(FILE));
    }

    public static <T> T read(Path runDir, Class<T> type) {
        return readFile(runDir.resolve(FILE), type);
    }

    public static <T> T readFile(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
            return type.cast(ois.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new BadInputException("checkpoint " + file + " cannot be read (" + e + "); it was written by another "
                    + "version or is damaged", e);
        }
    }
}
