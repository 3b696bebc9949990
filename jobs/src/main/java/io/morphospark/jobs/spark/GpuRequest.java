package io.morphospark.jobs.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.SparkConf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GPU executors asked for on the command line, as Spark's resource settings. Spark schedules GPUs
 * like cores: an executor owns {@code gpusPerExecutor} addresses (found by the discovery script, a
 * program printing {@code {"name":"gpu","addresses":["0","1"]}}), a task takes {@code gpusPerTask}
 * of them, and {@link io.morphospark.jobs.gpu.DevicePinning} binds the task's ND4J work to the address.
 *
 * @param gpusPerExecutor  whole GPUs per executor (> 0)
 * @param gpusPerTask      GPUs per task: a whole number up to gpusPerExecutor, or a fraction ≤ 1 for tasks sharing a GPU
 * @param discoveryScript  absolute path of the discovery script; null where the cluster's workers find GPUs themselves
 */
public record GpuRequest(int gpusPerExecutor, double gpusPerTask, Path discoveryScript) {
    public static final String EXECUTOR_AMOUNT = "spark.executor.resource.gpu.amount";
    public static final String EXECUTOR_SCRIPT = "spark.executor.resource.gpu.discoveryScript";
    public static final String TASK_AMOUNT = "spark.task.resource.gpu.amount";
    /** Kubernetes asks the device plugin for this vendor's resource; spark-submit's --conf wins. */
    public static final String EXECUTOR_VENDOR = "spark.executor.resource.gpu.vendor";
    public static final String NVIDIA = "nvidia.com";
    public static final String WORKER_AMOUNT = "spark.worker.resource.gpu.amount";
    public static final String WORKER_SCRIPT = "spark.worker.resource.gpu.discoveryScript";
    private static final long DISCOVERY_TIMEOUT_SECONDS = 30;

    /** Why {@code value} is not a GPU count for an executor, or null when it is one. */
    public static String executorAmountProblem(String value) {
        try {
            if (Integer.parseInt(value.trim()) > 0) {
                return null;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        return "not a positive whole number of GPUs";
    }

    /** Why {@code value} is not a GPU amount for a task, or null when it is one. */
    public static String taskAmountProblem(String value) {
        double amount;
        try {
            amount = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return "not a positive number of GPUs";
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            return "not a positive number of GPUs";
        }
        if (amount > 1 && amount != Math.rint(amount)) {
            return "more than one GPU per task must be a whole number (a fraction ≤ 1 lets tasks share a GPU)";
        }
        return null;
    }

    /** Why {@code script} cannot serve as a discovery script, or null when it can. */
    public static String scriptProblem(Path script) {
        if (!Files.exists(script)) {
            return "no such file";
        }
        if (!Files.isRegularFile(script)) {
            return "not a file";
        }
        if (!Files.isExecutable(script)) {
            return "not executable (chmod +x it)";
        }
        return null;
    }

    /**
     * Why this request cannot be served on {@code master} (Spark's settings in {@code conf}), or
     * null when it can; decided before Spark starts. Locally the discovery script is run as Spark
     * would run it, so a machine without (enough) GPUs is refused in one line instead of a
     * scheduler that waits forever.
     */
    public String problem(String master, SparkConf conf) {
        if (gpusPerTask > gpusPerExecutor) {
            return "--gpus-per-task " + format(gpusPerTask) + " is more than --gpus-per-executor " + gpusPerExecutor;
        }
        if (master.equals("local") || master.startsWith("local[")) {
            return "GPU executors need executor processes; run with --master local-cluster[N,C,M] on one machine, "
                    + "or a cluster master";
        }
        Path script = discoveryScript;
        if (script == null && conf.contains(EXECUTOR_SCRIPT)) {
            script = Path.of(conf.get(EXECUTOR_SCRIPT));
        }
        boolean workersFindGpus = master.startsWith("spark://");
        if (script == null) {
            return workersFindGpus ? null : "GPUs requested but none is visible: give --gpu-discovery-script (a program "
                    + "printing {\"name\":\"gpu\",\"addresses\":[\"0\",...]}) for " + master;
        }
        if (master.startsWith("local-cluster")) {
            return visibleProblem(script);
        }
        return null; // the script runs on the cluster's machines, not here
    }

    /** Runs the discovery script here and checks it reports at least gpusPerExecutor GPUs. */
    String visibleProblem(Path script) {
        String problem = scriptProblem(script);
        if (problem != null) {
            return "GPU discovery script " + script + ": " + problem;
        }
        int visible;
        try {
            visible = discover(script);
        } catch (IOException e) {
            return "GPU discovery script " + script + " failed: " + String.valueOf(e.getMessage()).split("\n")[0];
        }
        if (visible < gpusPerExecutor) {
            return "GPUs requested but " + (visible == 0 ? "none is" : "only " + visible + (visible == 1 ? " is" : " are")) + " visible: "
                    + script + " reports " + visible + " GPU(s), --gpus-per-executor asks for " + gpusPerExecutor;
        }
        return null;
    }

    /** How many GPU addresses {@code script} reports, read the way Spark reads it. */
    static int discover(Path script) throws IOException {
        Process process = new ProcessBuilder(script.toString()).redirectErrorStream(false).start();
        try {
            if (!process.waitFor(DISCOVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("no answer within " + DISCOVERY_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue());
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(output);
        } catch (IOException e) {
            throw new IOException("printed no JSON like {\"name\":\"gpu\",\"addresses\":[\"0\"]}");
        }
        if (json == null || !"gpu".equals(json.path("name").asText()) || !json.path("addresses").isArray()) {
            throw new IOException("printed no JSON like {\"name\":\"gpu\",\"addresses\":[\"0\"]}");
        }
        return json.path("addresses").size();
    }

    /**
     * Spark's settings for this request on {@code master}; they override what spark-submit set,
     * except the vendor ({@link SparkSessions} keeps a --conf one).
     */
    public Map<String, String> sparkSettings(String master) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(EXECUTOR_AMOUNT, Integer.toString(gpusPerExecutor));
        settings.put(TASK_AMOUNT, format(gpusPerTask));
        if (discoveryScript != null) {
            settings.put(EXECUTOR_SCRIPT, discoveryScript.toString());
        }
        if (master.startsWith("k8s://")) {
            settings.put(EXECUTOR_VENDOR, NVIDIA);
        }
        if (master.startsWith("local-cluster") && discoveryScript != null) {
            // local-cluster's workers run in this JVM and read their GPUs from the application's settings;
            // each worker hosts one executor, so it offers exactly what that executor asks for.
            settings.put(WORKER_AMOUNT, Integer.toString(gpusPerExecutor));
            settings.put(WORKER_SCRIPT, discoveryScript.toString());
        }
        return settings;
    }

    public static String format(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
    }
}
