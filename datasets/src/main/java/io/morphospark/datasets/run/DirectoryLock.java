package io.morphospark.datasets.run;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exclusive, process-wide lock on an output location, held by an OS file lock
 * ({@link FileChannel#tryLock()}) on a small lock file that records who holds it. The operating
 * system releases the lock when the process dies, however it dies, so a {@code kill -9} never
 * leaves a stale lock behind: the file may stay, but the next writer locks it at once.
 *
 * <p>Locks are re-entrant within one JVM (a command checks its output before Spark starts and the
 * job opens it again) and released together by {@link #releaseAll()} when a command ends; a
 * second process gets a {@link BadInputException} naming the holder. A holder deletes the lock
 * file while it still holds the lock; a waiter that locked such a deleted file notices that the
 * path now names another file (or none) and tries again, so two processes never both hold it.
 * The file is only ever opened once per process: closing any descriptor of a file drops the
 * process's POSIX locks on it.
 */
public final class DirectoryLock {
    private static final Map<Path, DirectoryLock> HELD = new LinkedHashMap<>();
    private static final Object MISSING = new Object();

    private final Path file;
    private final String what;
    private final FileChannel channel;
    private final FileLock lock;
    private final String interruptedHint;

    private DirectoryLock(Path file, String what, FileChannel channel, FileLock lock, String interruptedHint) {
        this.file = file;
        this.what = what;
        this.channel = channel;
        this.lock = lock;
        this.interruptedHint = interruptedHint;
    }

    /**
     * Takes the lock in {@code file} for writing {@code what} (a path, named in the messages), or
     * returns this process's lock if it holds it already.
     *
     * @param interruptedHint what a user can do if this process is interrupted while holding it
     */
    public static synchronized DirectoryLock acquire(Path file, String what, String interruptedHint) {
        Path abs = file.toAbsolutePath().normalize();
        DirectoryLock held = HELD.get(abs);
        if (held != null) {
            return held;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            DirectoryLock l = tryOnce(abs, what, interruptedHint);
            if (l != null) {
                HELD.put(abs, l);
                return l;
            }
        }
        throw new BadInputException("cannot lock " + what + ": its lock file " + abs + " keeps being replaced");
    }

    /** One attempt; null when the locked file was deleted by its previous holder meanwhile. */
    private static DirectoryLock tryOnce(Path abs, String what, String interruptedHint) {
        FileChannel channel = null;
        try {
            Files.createDirectories(abs.getParent());
            channel = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // the inode we opened (stat only: opening the file again would drop a POSIX lock when closed)
            Object opened = fileKey(abs);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another thread of this JVM holds it outside the registry: treat as busy
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new BadInputException(what + " is being written by another process (" + holder
                        + "); wait for it to finish or stop it first");
            }
            // a previous holder may have deleted the file we opened before we locked it: then the path
            // names another file (or none), and our lock protects nothing. An open file's inode number
            // is not reused, so equal keys mean the path still names the file we hold.
            Object locked = fileKey(abs);
            if (opened == MISSING || !java.util.Objects.equals(opened, locked)) {
                lock.release();
                channel.close();
                return null;
            }
            byte[] holder = (describeSelf() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder), 0);
            channel.force(false);
            return new DirectoryLock(abs, what, channel, lock, interruptedHint);
        } catch (AccessDeniedException e) {
            closeQuietly(channel);
            throw new BadInputException("cannot write " + what + ": permission denied (" + e.getFile() + ")", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BadInputException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** The file's identity (device and inode), null where the file system has none, {@link #MISSING} when there is no file. */
    private static Object fileKey(Path path) throws IOException {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = channel.read(buf, 0);
            String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static String describeSelf() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown host";
            }
        }
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", started " + started;
    }

    /** Releases the lock and deletes its file (while still holding it, so no one locks a file about to vanish). */
    public synchronized void release() {
        synchronized (DirectoryLock.class) {
            if (HELD.remove(file) != this) {
                return;
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a lock file left behind is harmless: the OS lock is what counts
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    /** Releases every lock this process holds (the end of a command). */
    public static void releaseAll() {
        for (DirectoryLock l : held()) {
            l.release();
        }
    }

    /** The locks this process holds now, oldest first. */
    public static synchronized List<DirectoryLock> held() {
        return new ArrayList<>(HELD.values());
    }

    public Path file() {
        return file;
    }

    public String what() {
        return what;
    }

    /** What a user can do with the output if this process stops now. */
    public String interruptedHint() {
        return interruptedHint;
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
