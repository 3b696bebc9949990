package io.morphospark.jobs.testing;

import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A child JVM running a Spark class on the classpath of a {@link SparkHome}, as Spark's
 * {@code spark-class} script would start it: Spark's Java 17 module options, {@code jars/*},
 * {@code SPARK_HOME} and the Scala version in the environment, and loopback only. Its stdout and
 * stderr go to one log file, so that a failing test can show what happened.
 */
final class SparkJvm {
    static final String LOOPBACK = "127.0.0.1";

    private final String name;
    private final Process process;
    private final Path log;

    private SparkJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static SparkJvm start(String name, SparkHome home, Path log, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(home.jarsClassPath());
        command.add(mainClass);
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // A developer's own Spark settings (SPARK_CONF_DIR, SPARK_DIST_CLASSPATH, ...) must not leak in.
        env.keySet().removeIf(key -> key.startsWith("SPARK_"));
        env.put("SPARK_HOME", home.root().toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // Spark 4 exists for Scala 2.13 only
        // Binds RPC and web UIs of this JVM, and of the executors a worker starts, to loopback.
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        // Workers start executors with $JAVA_HOME/bin/java: the same Java as this test.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(log.getParent());
            return new SparkJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the JVM to exit; false when it is still running after the timeout. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** The last lines of the log, for failure messages. */
    String outputTail(int lines) {
        List<String> all = output().lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Asks the JVM to stop (SIGTERM, so that a worker's shutdown hook stops its executors), then
     * kills it and whatever it started once the grace period is over. Descendants are looked up
     * first: once their parent is gone they can no longer be found through it.
     */
    static void stopAll(List<SparkJvm> jvms, Duration grace) {
        List<ProcessHandle> tree = processTrees(jvms);
        jvms.forEach(jvm -> jvm.process.destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            if (!exits(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            exits(handle, Duration.ofSeconds(10)); // SIGKILL needs no longer; nothing more to do if it did
        }
    }

    /** The JVMs and their descendants, children first. */
    static List<ProcessHandle> processTrees(List<SparkJvm> jvms) {
        List<ProcessHandle> tree = new ArrayList<>();
        for (SparkJvm jvm : jvms) {
            jvm.process.descendants().forEach(tree::add);
            tree.add(jvm.process.toHandle());
        }
        return tree;
    }

    private static boolean exits(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the flag, but finish cleaning up
            return !handle.isAlive();
        }
    }

    /** Kills at once, for a JVM shutdown hook where there is no time to wait. */
    static void killAll(List<SparkJvm> jvms) {
        for (SparkJvm jvm : jvms) {
            jvm.process.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
