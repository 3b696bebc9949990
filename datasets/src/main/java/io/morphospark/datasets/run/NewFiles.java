package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a command writes outside a run or dataset it owns (a gallery PNG at a path the user
 * names): never over an existing file, since a command must not destroy what it did not create.
 * Checked before any work starts, and again when the file is put in place (written beside it,
 * then moved in without replacing), so a file that appeared meanwhile is kept too.
 */
public final class NewFiles {
    /** Writes a complete file at the path it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private NewFiles() {
    }

    /** Refuses an existing {@code file}; {@code option} names where the user gave it. */
    public static Path requireAbsent(Path file, String option) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.exists(abs) || Files.isSymbolicLink(abs)) {
            throw new BadInputException(option + " " + abs + " already exists; choose a new file (nothing is overwritten)");
        }
        return abs;
    }

    /** Writes {@code file} through {@code writer}, refusing to replace one that exists. */
    public static void write(Path file, String option, Writer writer) {
        Path abs = requireAbsent(file, option);
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(abs.getParent());
            writer.write(tmp);
            Files.move(tmp, abs); // without REPLACE_EXISTING: fails rather than overwrite
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(option + " " + abs + " appeared while it was being written; it is kept", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + abs, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a hidden leftover is harmless
            }
        }
    }
}
