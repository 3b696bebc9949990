package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run directory that appears all at once: everything is written into a hidden staging
 * directory beside the target ({@code .NAME.inprogress}) and renamed into place by
 * {@link #commit()}. A failed or killed run leaves the target untouched and its staging directory
 * (with its checkpoint) in place, so it can be resumed; an existing run is never overwritten.
 *
 * <p>Whoever checks, creates or resumes a run takes the exclusive {@link DirectoryLock} of its
 * target ({@code .NAME.lock} beside it, so it survives the rename) and keeps it until the run is
 * committed or the command ends: every job is protected from a second writer without code of its
 * own. Everything a job writes into staging after its last checkpoint must be re-runnable (tables
 * are written with overwrite, see ParquetTables), so a run killed during its commit resumes.
 */
public final class RunDirectory {
    public static final String RUN_FILE = "run.json";
    private static final Pattern STAGING_NAME = Pattern.compile("^\\.(.+)\\.inprogress$");
    /** Marks a staging directory made by {@link #reopen}: only such a one may replace a finished run. */
    static final String REOPENED = ".reopened";

    private final Path target;
    private final Path staging;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Reserves {@code target} for a new run; refuses a directory that holds anything already. */
    public static RunDirectory create(Path target) {
        return create(target, true);
    }

    /**
     * {@link #create(Path)} for a command without {@code --resume} (one pass that is cheap to
     * repeat, such as scoring a model): a killed attempt's staging directory is named for deletion
     * instead of pointing the user at an option the command does not have.
     */
    public static RunDirectory createWithoutResume(Path target) {
        return create(target, false);
    }

    private static RunDirectory create(Path target, boolean resumable) {
        Path abs = requireAvailable(target, resumable);
        try {
            return new RunDirectory(abs, Files.createDirectory(stagingOf(abs)));
        } catch (IOException e) {
            lockOf(abs).release();
            throw new BadInputException("cannot create output directory " + abs + ": " + reason(e), e);
        }
    }

    /**
     * Reopens the staging directory of an interrupted run, or of an interrupted extension of a
     * finished one (given by its name or by its staging directory).
     */
    public static RunDirectory resume(Path target) {
        Path abs = targetOf(target);
        DirectoryLock lock = lockOf(abs);
        try {
            if (isFinished(abs)) {
                throw new BadInputException("run " + abs + " has already finished; nothing to resume");
            }
            Path staging = stagingOf(abs);
            if (!Files.exists(staging.resolve(RUN_FILE))) {
                throw new BadInputException(abs + " is not a run: found neither a finished run nor an interrupted one ("
                        + staging.getFileName() + ")");
            }
            return new RunDirectory(abs, staging);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Whether {@code target} holds a finished run and nothing continues it (no staging directory). */
    public static boolean isFinished(Path target) {
        Path abs = targetOf(target);
        return Files.exists(abs.resolve(RUN_FILE)) && !Files.exists(stagingOf(abs).resolve(RUN_FILE));
    }

    /**
     * Reopens a finished run to continue it (e.g. more generations): {@code prepare} fills a fresh
     * directory with what the continuation starts from (its run.json, its checkpoint), which then
     * becomes the run's staging directory in one rename. The finished run stays in place, readable,
     * until {@link #commit()} replaces it; a kill before then leaves an interrupted run to resume.
     */
    public static RunDirectory reopen(Path target, java.util.function.Consumer<Path> prepare) {
        Path abs = targetOf(target);
        DirectoryLock lock = lockOf(abs);
        try {
            if (!isFinished(abs)) {
                throw new BadInputException(abs + " is not a finished run");
            }
            Path staging = stagingOf(abs);
            Path preparing = abs.resolveSibling("." + abs.getFileName() + ".reopening");
            deleteRecursively(preparing); // a leftover of a reopening killed before its rename
            Files.createDirectory(preparing);
            prepare.accept(preparing);
            Files.createFile(preparing.resolve(REOPENED)); // lets commit() replace the finished run
            Files.move(preparing, staging, StandardCopyOption.ATOMIC_MOVE);
            return new RunDirectory(abs, staging);
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("cannot reopen " + abs, e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The directory holding the run.json of a run: the staging one while the run is (again) in progress. */
    public static Path manifestDirectory(Path target) {
        Path abs = targetOf(target);
        for (Path p : new Path[] {stagingOf(abs), abs}) {
            if (Files.exists(p.resolve(RUN_FILE))) {
                return p;
            }
        }
        throw new BadInputException(abs + " is not a run: it has no " + RUN_FILE);
    }

    /**
     * The run a path names: itself, or X when it is X's hidden staging directory {@code .X.inprogress}
     * (what a user finds with {@code ls -a} after an interruption).
     */
    public static Path targetOf(Path given) {
        Path abs = given.toAbsolutePath().normalize();
        Matcher m = STAGING_NAME.matcher(abs.getFileName() == null ? "" : abs.getFileName().toString());
        return m.matches() ? abs.resolveSibling(m.group(1)) : abs;
    }

    private static Path stagingOf(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".inprogress");
    }

    /** Takes the run's lock (re-entrant in this process); fails at once when another process holds it. */
    private static DirectoryLock lockOf(Path abs) {
        if (abs.getParent() == null) {
            throw new BadInputException("a run cannot be the root directory " + abs);
        }
        return DirectoryLock.acquire(abs.resolveSibling("." + abs.getFileName() + ".lock"), "run " + abs,
                "its unfinished output is kept in " + stagingOf(abs) + "; a command with --resume continues it with "
                        + "--resume " + abs);
    }

    /**
     * Checks, before any work starts, that {@code target} may receive a new run, and reserves it for
     * this process; returns its absolute path.
     */
    public static Path requireAvailable(Path target) {
        return requireAvailable(target, true);
    }

    /** {@link #requireAvailable(Path)} for a command without {@code --resume}; see {@link #createWithoutResume}. */
    public static Path requireAvailableWithoutResume(Path target) {
        return requireAvailable(target, false);
    }

    private static Path requireAvailable(Path target, boolean resumable) {
        Path abs = target.toAbsolutePath().normalize();
        DirectoryLock lock = lockOf(abs);
        try {
            if (Files.exists(abs.resolve(RUN_FILE))) {
                throw new BadInputException("output directory " + abs + " already holds a run; choose another --out");
            }
            if (Files.exists(abs) && !isEmptyDirectory(abs)) {
                throw new BadInputException("output directory " + abs + " exists and is not empty");
            }
            if (Files.exists(stagingOf(abs))) {
                throw new BadInputException(resumable
                        ? "an interrupted run of " + abs + " exists; continue it with --resume " + abs + " or delete " + stagingOf(abs)
                        : "an interrupted run of " + abs + " exists; this command starts over: delete " + stagingOf(abs)
                                + " and run it again");
            }
            if (!Files.isWritable(abs.getParent())) {
                throw new BadInputException("cannot create output directory " + abs + ": " + abs.getParent()
                        + " is not writable");
            }
            return abs;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
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

    /**
     * Records the size and checksum of every file ({@value FileChecksums#RUN_FILE}), moves the
     * finished run into place in one rename and releases the run's lock. Everything before the
     * rename may be repeated by a resumed run. A reopened run replaces its previous version: that is
     * renamed aside first (Java cannot exchange two directories in one step), so a kill between the
     * two renames leaves no run at the target but a complete staging directory, which
     * {@code --resume} commits; the version set aside is deleted once the new one is in place.
     */
    public void commit() {
        commitDropping(null);
    }

    /**
     * {@link #commit()} for a run whose top-level sub-directory {@code scratch} (a training
     * checkpoint, far bigger than the results) is not part of the finished run: it is left out of
     * the checksums and deleted once the run is in place, before the lock is released. A kill before
     * the rename leaves an interrupted run with its checkpoint; a kill after it, a finished run with a
     * spare directory that no checksum mentions.
     */
    public void commitDropping(String scratch) {
        FileChecksums.writeRunList(staging, scratch);
        Path superseded = target.resolveSibling("." + target.getFileName() + ".superseded");
        try {
            if (Files.exists(target.resolve(RUN_FILE))) {
                if (!Files.exists(staging.resolve(REOPENED))) {
                    throw new BadInputException("output directory " + target + " was filled by someone else during the run");
                }
                deleteRecursively(superseded);
                Files.move(target, superseded, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(target)) {
                Files.delete(target); // an empty placeholder; a non-empty one fails here
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            deleteRecursively(superseded);
            Files.deleteIfExists(target.resolve(REOPENED));
            if (scratch != null) {
                deleteRecursively(target.resolve(scratch));
            }
        } catch (DirectoryNotEmptyException e) {
            throw new BadInputException("output directory " + target + " was filled by someone else during the run");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run into " + target, e);
        }
        lockOf(target).release();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
