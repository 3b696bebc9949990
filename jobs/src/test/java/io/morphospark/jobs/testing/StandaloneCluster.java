package io.morphospark.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Spark standalone cluster on 127.0.0.1 without a Spark distribution: a
 * {@code Master} and {@code Worker}s, each in its own JVM started from the jars of
 * {@link SparkHome}, and {@link #submit} running {@code SparkSubmit} against it in client mode.
 * Every process logs to a file under {@code <dir>/logs}; {@link #close()} stops them all, with the
 * executors the workers started.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;
    // Master and workers need far less than Spark's 1 GiB default daemon heap.
    private static final List<String> DAEMON_JVM_OPTIONS = List.of("-Xmx256m",
            // fail on a taken port instead of moving to the next one, which we would not watch
            "-Dspark.port.maxRetries=0");
    private static final List<String> DRIVER_JVM_OPTIONS = List.of("-Xmx1g");

    private final SparkHome home;
    private final Path dir;
    private final int masterPort;
    private final int masterWebUiPort;
    private SparkJvm master;
    private final List<SparkJvm> workers = new ArrayList<>();
    private final List<SparkJvm> submissionsRunning = new ArrayList<>();
    private final AtomicInteger submissions = new AtomicInteger();
    private final Thread killOnExit = new Thread(this::killAll, "kill-standalone-cluster");

    private StandaloneCluster(SparkHome home, Path dir) {
        this.home = home;
        this.dir = dir;
        this.masterPort = freeLoopbackPort();
        this.masterWebUiPort = freeLoopbackPort();
    }

    /**
     * Starts a master and {@code workers} workers (1 core, 1 GiB each) and returns once all of
     * them are ALIVE. {@code dir} receives the logs and the workers' work directories (where the
     * executors' stdout and stderr end up).
     */
    public static StandaloneCluster start(Path dir, int workers) {
        StandaloneCluster cluster = new StandaloneCluster(SparkHome.get(), dir.toAbsolutePath());
        // If the test JVM is told to stop (Ctrl-C, Surefire's timeout), do not leave JVMs behind.
        Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
        try {
            cluster.startMaster();
            for (int i = 1; i <= workers; i++) {
                cluster.startWorker(i);
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public String masterUrl() {
        return "spark://" + SparkJvm.LOOPBACK + ":" + masterPort;
    }

    public URI masterWebUi() {
        return URI.create("http://" + SparkJvm.LOOPBACK + ":" + masterWebUiPort + "/");
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    /** The outcome of one {@code spark-submit}: its exit code and its stdout and stderr, interleaved. */
    public record SubmitResult(int exitCode, String output, Path log) {
    }

    /**
     * Runs {@code SparkSubmit} in client mode in a child JVM whose classpath is Spark's only (the
     * application's classes must come from {@code jar}), and waits for it.
     *
     * @throws IllegalStateException when it is still running after {@code timeout}; it is killed
     */
    public SubmitResult submit(Path jar, String mainClass, List<String> args, Duration timeout) throws InterruptedException {
        List<String> submitArgs = new ArrayList<>(List.of(
                "--master", masterUrl(),
                "--deploy-mode", "client",
                "--class", mainClass,
                "--conf", "spark.executor.memory=512m",
                "--conf", "spark.ui.enabled=false",
                jar.toAbsolutePath().toString()));
        submitArgs.addAll(args);
        String name = "submit-" + submissions.incrementAndGet();
        SparkJvm driver = SparkJvm.start(name, home, logDir().resolve(name + ".log"), withTempDir(DRIVER_JVM_OPTIONS),
                "org.apache.spark.deploy.SparkSubmit", submitArgs);
        synchronized (this) {
            submissionsRunning.add(driver);
        }
        try {
            if (!driver.waitFor(timeout)) {
                SparkJvm.stopAll(List.of(driver), STOP_GRACE);
                throw new IllegalStateException(name + " did not finish within " + timeout + "; last output:\n"
                        + driver.outputTail(LOG_TAIL_LINES));
            }
            return new SubmitResult(driver.exitValue(), driver.output(), driver.log());
        } finally {
            if (driver.isAlive()) { // interrupted while waiting
                SparkJvm.stopAll(List.of(driver), STOP_GRACE);
            }
            synchronized (this) {
                submissionsRunning.remove(driver);
            }
        }
    }

    /** The cluster's JVMs and the JVMs they started (executors), as of now. */
    public synchronized List<ProcessHandle> processes() {
        List<SparkJvm> all = new ArrayList<>(submissionsRunning);
        all.addAll(daemons());
        return SparkJvm.processTrees(all);
    }

    /** Stops submissions still running, the workers with their executors, then the master. */
    @Override
    public synchronized void close() {
        List<SparkJvm> beforeMaster = new ArrayList<>(submissionsRunning);
        beforeMaster.addAll(workers);
        // the master last, so that workers do not spend the grace period trying to reconnect
        SparkJvm.stopAll(beforeMaster, STOP_GRACE);
        if (master != null) {
            SparkJvm.stopAll(List.of(master), STOP_GRACE);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // close() called from another shutdown hook: ours runs anyway and finds nothing left
        }
    }

    private synchronized void killAll() {
        List<SparkJvm> all = new ArrayList<>(submissionsRunning);
        all.addAll(daemons());
        SparkJvm.killAll(all);
    }

    private synchronized void startMaster() {
        master = startDaemon("master", "org.apache.spark.deploy.master.Master", List.of(
                "--host", SparkJvm.LOOPBACK,
                "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(masterWebUiPort)));
    }

    private void startWorker(int number) {
        Path workDir = dir.resolve("worker-" + number);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SparkJvm worker = startDaemon("worker-" + number, "org.apache.spark.deploy.worker.Worker", List.of(
                "--host", SparkJvm.LOOPBACK,
                "--webui-port", Integer.toString(freeLoopbackPort()),
                "--cores", "1",
                "--memory", "1g",
                "--work-dir", workDir.toString(),
                masterUrl()));
        synchronized (this) {
            workers.add(worker);
        }
    }

    private SparkJvm startDaemon(String name, String mainClass, List<String> args) {
        return SparkJvm.start(name, home, logDir().resolve(name + ".log"), withTempDir(DAEMON_JVM_OPTIONS), mainClass, args);
    }

    /**
     * Points java.io.tmpdir into the cluster's directory: Spark's scratch space (the workers' local
     * dirs, which their executors inherit, and the driver's) then goes away with it, even when a
     * JVM is killed before its shutdown hook can clean up.
     */
    private List<String> withTempDir(List<String> jvmOptions) {
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Djava.io.tmpdir=" + tmp);
        return options;
    }

    /** Polls the master's JSON status page until {@code expected} workers are ALIVE. */
    private void awaitAliveWorkers(int expected) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(masterWebUi().resolve("json/")).timeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastState = "master web UI not reachable yet";
        while (true) {
            for (SparkJvm daemon : daemons()) {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException(daemon + " exited with " + daemon.exitValue()
                            + " while the cluster started; last output:\n" + daemon.outputTail(LOG_TAIL_LINES));
                }
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode status = json.readTree(response.body());
                    if (aliveWorkers(status) >= expected) {
                        return;
                    }
                    lastState = status.toString();
                } else {
                    lastState = "HTTP " + response.statusCode();
                }
            } catch (IOException notUpYet) {
                lastState = notUpYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + expected + " ALIVE workers after " + START_TIMEOUT
                        + "; last master status: " + lastState + "; logs in " + logDir());
            }
            sleep(POLL_INTERVAL);
        }
    }

    private synchronized List<SparkJvm> daemons() {
        List<SparkJvm> daemons = new ArrayList<>();
        if (master != null) {
            daemons.add(master);
        }
        daemons.addAll(workers);
        return daemons;
    }

    private static int aliveWorkers(JsonNode masterStatus) {
        int alive = 0;
        for (JsonNode worker : masterStatus.path("workers")) {
            if ("ALIVE".equals(worker.path("state").asText())) {
                alive++;
            }
        }
        return alive;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(SparkJvm.LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + SparkJvm.LOOPBACK, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }

    @Override
    public String toString() {
        return "StandaloneCluster[" + masterUrl() + ", " + daemons() + "]";
    }
}
