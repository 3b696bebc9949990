package io.morphospark.jobs.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A directory usable as {@code SPARK_HOME}, built once per JVM from the resolved test classpath
 * instead of a Spark distribution.
 *
 * <p>The classpath is split in two:
 * <ul>
 *   <li>{@code jars/}: symlinks to every third-party jar (Spark, its dependencies and ours, all
 *       resolved by Maven). Spark's launcher puts {@code $SPARK_HOME/jars/*} on the classpath of
 *       every JVM it starts (workers' executors, drivers), as in a real distribution.</li>
 *   <li>{@link #projectClassPath()}: this repository's own build outputs ({@code target/classes},
 *       {@code target/test-classes}, module jars in a {@code target/} directory). They are kept out
 *       of {@code jars/} on purpose: a standalone-cluster test must get our classes from the
 *       shaded application jar only, otherwise a class missing from that jar would go unnoticed.
 *       Tests that need them on executors (local-cluster) pass them as
 *       {@code spark.executor.extraClassPath}; directories work there as they are.</li>
 * </ul>
 * All paths are absolute, because Spark hands them to processes with other working directories.
 */
public final class SparkHome {
    private static SparkHome instance;

    private final Path root;
    private final List<Path> projectClassPath;

    private SparkHome(Path root, List<Path> projectClassPath) {
        this.root = root;
        this.projectClassPath = List.copyOf(projectClassPath);
    }

    /** The SPARK_HOME of this JVM, created on first use and deleted when the JVM exits. */
    public static synchronized SparkHome get() {
        if (instance == null) {
            try {
                instance = create(classPathOfThisJvm());
            } catch (IOException e) {
                throw new UncheckedIOException("could not build a SPARK_HOME from the test classpath", e);
            }
        }
        return instance;
    }

    public Path root() {
        return root;
    }

    public Path jarsDir() {
        return root.resolve("jars");
    }

    /** {@code <root>/jars/*}: the classpath wildcard Spark's own scripts use, for {@code java -cp}. */
    public String jarsClassPath() {
        return jarsDir() + File.separator + "*";
    }

    /** This repository's build outputs on the test classpath, absolute; not in {@link #jarsDir()}. */
    public List<Path> projectClassPath() {
        return projectClassPath;
    }

    /** {@link #projectClassPath()} joined for {@code spark.executor.extraClassPath}. */
    public String projectClassPathString() {
        return projectClassPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Surefire and Failsafe set {@code java.class.path} to the full test classpath, even with a manifest-only booter jar. */
    private static List<Path> classPathOfThisJvm() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Paths.get(entry).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    private static SparkHome create(List<Path> classPath) throws IOException {
        Path root = Files.createTempDirectory("morphospark-spark-home").toRealPath();
        deleteOnExit(root);
        Path jars = Files.createDirectory(root.resolve("jars"));
        // Spark's launcher takes the Scala version from SPARK_SCALA_VERSION or, failing that, from
        // this build directory; having it lets tests run where the variable is not set (an IDE).
        Files.createDirectories(root.resolve("launcher/target/scala-2.13"));
        Files.createDirectories(root.resolve("conf"));

        List<Path> project = new ArrayList<>();
        Set<String> linkNames = new HashSet<>();
        for (Path entry : classPath) {
            if (!Files.exists(entry)) {
                continue; // Maven lists target/test-classes even when a module has no tests
            }
            if (isProjectOutput(entry)) {
                project.add(entry);
            } else if (entry.getFileName().toString().endsWith(".jar")) {
                Files.createSymbolicLink(jars.resolve(uniqueName(entry, linkNames)), entry);
            }
        }
        return new SparkHome(root, project);
    }

    /** Maven writes build outputs into {@code target/}; artifacts resolved from a repository never live there. */
    private static boolean isProjectOutput(Path entry) {
        if (Files.isDirectory(entry)) {
            return true;
        }
        for (Path part : entry) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** Jar names are unique in practice; a clash (same name, two directories) gets a numeric prefix. */
    private static String uniqueName(Path jar, Set<String> taken) {
        String name = jar.getFileName().toString();
        for (int i = 1; !taken.add(name); i++) {
            name = i + "-" + jar.getFileName();
        }
        return name;
    }

    private static void deleteOnExit(Path root) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Files.walk does not follow symlinks, so only our links are deleted, never their targets.
            try (Stream<Path> paths = Files.walk(root)) {
                List<Path> all = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // best effort: a leftover directory in the temp dir is harmless
            }
        }, "delete-spark-home"));
    }

    @Override
    public String toString() {
        return "SparkHome[" + root + ", project classpath " + projectClassPath + "]";
    }

    List<Path> linkedJars() throws IOException {
        try (Stream<Path> links = Files.list(jarsDir())) {
            List<Path> all = links.sorted().collect(Collectors.toList());
            return Collections.unmodifiableList(all);
        }
    }
}
