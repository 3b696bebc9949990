package io.morphospark.jobs.cli;

import io.morphospark.jobs.spark.GpuRequest;
import io.morphospark.jobs.spark.SparkSessions;
import io.morphospark.models.gpu.ComputeBackend;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.concurrent.FutureTask;
import java.util.function.Function;

/** Options every Spark job shares, and the session life cycle around a job. */
final class SparkOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    String master;

    @Option(names = "--master", paramLabel = "MASTER", description = "Spark master: local, local[N], local[*], "
            + "local[N,F], local-cluster[N,C,M], spark://HOST:PORT, yarn or k8s://URL (default: spark-submit's "
            + "master, else local[*]). When given, it overrides spark-submit's --master.")
    void master(String value) {
        String problem = SparkSessions.masterProblem(value);
        if (problem != null) {
            // refused while the command line is parsed: before Spark starts or anything is written
            throw new CommandLine.ParameterException(mixee.commandLine(), "--master '" + value + "': " + problem);
        }
        master = value;
    }

    private Integer gpusPerExecutor;
    private Double gpusPerTask;
    private java.nio.file.Path gpuDiscoveryScript;

    @Option(names = "--gpus-per-executor", paramLabel = "N", description = "GPUs each executor owns "
            + "(spark.executor.resource.gpu.amount). Each task is then pinned to the GPU Spark assigns it. "
            + "(default: none, CPU executors). See docs/GPU.md.")
    void gpusPerExecutor(String value) {
        refuseIf("--gpus-per-executor", value, GpuRequest.executorAmountProblem(value));
        gpusPerExecutor = Integer.parseInt(value.trim());
    }

    @Option(names = "--gpus-per-task", paramLabel = "G", description = "GPUs per task (spark.task.resource.gpu.amount): "
            + "a whole number, or a fraction <= 1 for tasks sharing a GPU (default: 1 when --gpus-per-executor is given).")
    void gpusPerTask(String value) {
        refuseIf("--gpus-per-task", value, GpuRequest.taskAmountProblem(value));
        gpusPerTask = Double.parseDouble(value.trim());
    }

    @Option(names = "--gpu-discovery-script", paramLabel = "FILE", description = "Program that prints the executor's "
            + "GPUs as {\"name\":\"gpu\",\"addresses\":[\"0\",...]} (spark.executor.resource.gpu.discoveryScript; "
            + "Spark ships examples/src/main/scripts/getGpusResources.sh). Needed except on standalone "
            + "clusters whose workers are configured with one (default: none; spark-submit's --conf "
            + "spark.executor.resource.gpu.discoveryScript is used when given).")
    void gpuDiscoveryScript(java.nio.file.Path value) {
        java.nio.file.Path script = value.toAbsolutePath().normalize();
        refuseIf("--gpu-discovery-script", value.toString(), GpuRequest.scriptProblem(script));
        gpuDiscoveryScript = script;
    }

    private void refuseIf(String option, String value, String problem) {
        if (problem != null) {
            // refused while the command line is parsed: before Spark starts or anything is written
            throw new CommandLine.ParameterException(mixee.commandLine(), option + " '" + value + "': " + problem);
        }
    }

    /**
     * The GPU request of the command line, checked against the master it will run on; null when
     * no GPU was asked for. A request that cannot be served is refused here, before Spark starts.
     */
    GpuRequest gpuRequest() {
        if (gpusPerExecutor == null) {
            if (gpusPerTask != null || gpuDiscoveryScript != null) {
                throw new CommandLine.ParameterException(mixee.commandLine(),
                        (gpusPerTask != null ? "--gpus-per-task" : "--gpu-discovery-script") + " needs --gpus-per-executor");
            }
            return null;
        }
        var submitted = new org.apache.spark.SparkConf();
        java.nio.file.Path script = gpuDiscoveryScript != null || !submitted.contains(GpuRequest.EXECUTOR_SCRIPT)
                ? gpuDiscoveryScript : java.nio.file.Path.of(submitted.get(GpuRequest.EXECUTOR_SCRIPT)); // spark-submit --conf
        GpuRequest request = new GpuRequest(gpusPerExecutor, gpusPerTask == null ? 1.0 : gpusPerTask, script);
        String problem = request.problem(SparkSessions.effectiveMaster(master), submitted);
        if (problem != null) {
            throw new CommandLine.ParameterException(mixee.commandLine(), problem);
        }
        return request;
    }

    /**
     * Runs a computing {@code job} with a session (see {@link #withQuietSession}), after one console
     * line naming the compute backend and the GPUs asked for.
     */
    <T> T withSession(String appName, Function<SparkSession, T> job) {
        GpuRequest gpus = gpuRequest();
        // ND4J's start (native libraries, BLAS: a third of a preset run's start-up CPU) and Spark's are
        // independent and mostly one thread each: started side by side they overlap on a multi-core
        // driver instead of adding up. The job starts only once the backend is known.
        FutureTask<ComputeBackend> backend = new FutureTask<>(ComputeBackend::current);
        Thread detect = new Thread(backend, "compute-backend");
        detect.setDaemon(true);
        detect.start();
        return session(appName, gpus, spark -> {
            System.out.println("compute backend: " + known(backend).describe()
                    + (gpus == null ? "" : "; executors: " + gpus.gpusPerExecutor() + " GPU(s) each, "
                    + GpuRequest.format(gpus.gpusPerTask()) + " per task"));
            return job.apply(spark);
        });
    }

    private static ComputeBackend known(FutureTask<ComputeBackend> backend) {
        try {
            return backend.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ND4J started", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // ComputeBackend.current() turns ND4J's own failures into an "unavailable" backend; anything else is a bug
            throw new IllegalStateException("detecting the compute backend failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs {@code job} with a session and no backend line: for commands that only read and report
     * (their standard output is their result, e.g. a path a script captures).
     */
    <T> T withQuietSession(String appName, Function<SparkSession, T> job) {
        return session(appName, gpuRequest(), job);
    }

    /** An already active session (a test's, a notebook's) is reused and left running; one created here is stopped afterwards. */
    private <T> T session(String appName, GpuRequest gpus, Function<SparkSession, T> job) {
        var active = SparkSession.getActiveSession();
        if (active.isDefined()) {
            return job.apply(active.get());
        }
        SparkSession spark = SparkSessions.create(appName, master, gpus);
        try {
            return job.apply(spark);
        } finally {
            spark.stop();
        }
    }
}
