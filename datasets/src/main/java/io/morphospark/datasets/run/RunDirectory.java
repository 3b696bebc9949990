package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A run directory that appears all at once: everything is written into a hidden staging
 * directory beside the target and renamed into place by {@link #commit()}. A failed or killed run
 * leaves the target untouched; an existing run is never overwritten.
 */
public final class RunDirectory implements AutoCloseable {
    public static final String RUN_FILE = "run.json";

    private final Path target;
    private final Path staging;
    private boolean committed;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Reserves {@code target} for a new run; refuses a directory that holds anything already. */
    public static RunDirectory create(Path target) {
        Path abs = requireAvailable(target);
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createDirectory(abs.resolveSibling("." + abs.getFileName() + ".staging-" + UUID.randomUUID()));
            return new RunDirectory(abs, staging);
        } catch (IOException e) {
            throw new BadInputException("cannot create output directory " + abs + ": " + e.getMessage(), e);
        }
    }

    /** Checks, before any work starts, that {@code target} may receive a new run; returns its absolute path. */
    public static Path requireAvailable(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(RUN_FILE))) {
            throw new BadInputException("output directory " + abs + " already holds a run; choose another --out");
        }
        if (Files.exists(abs) && !isEmptyDirectory(abs)) {
            throw new BadInputException("output directory " + abs + " exists and is not empty");
        }
        return abs;
    }

    /** Where the run is written until it is committed. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public Path resolve(String relative) {
        return staging.resolve(relative);
    }

    /** Moves the finished run into place in one rename. */
    public void commit() {
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target); // an empty placeholder; a non-empty one fails here
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
        } catch (DirectoryNotEmptyException e) {
            throw new BadInputException("output directory " + target + " was filled by someone else during the run");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run into " + target, e);
        }
    }

    /** Removes the staging directory of a run that did not commit. */
    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(staging);
        }
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
