package io.morphospark.jobs.spark;

import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a whole task-sized piece of work (a sweep trial, a trial of {@code classifier train
 * --trials}) on the cores Spark gave its task ({@code spark.task.cpus}, 1 by default) and no more:
 * <ul>
 * <li>inside a fork-join pool of that size, so its Java parallel streams (the fused NCA step) stay
 *     on those cores instead of spreading over the machine's common pool;</li>
 * <li>with ND4J's native threads (OpenMP, the BLAS) set to that many while any such task runs in
 *     the JVM, so K DL4J trainings on K slots do not each start a thread per core of the machine
 *     (K × cores threads fighting over the cores). ND4J's thread counts are per process, so the
 *     first task sets them and the last one to finish restores what the JVM had.</li>
 * </ul>
 */
public final class TaskCores {
    private static int running;
    private static int savedMaxThreads;
    private static int savedMasterThreads;
    private static int savedBlasThreads;

    private TaskCores() {
    }

    /** The cores of the running Spark task; 1 outside a task. */
    public static int ofTask() {
        TaskContext task = TaskContext.get();
        return task == null ? 1 : Math.max(1, task.cpus());
    }

    /** Runs {@code work} on the task's cores; its exception is rethrown as the cause of an ExecutionException. */
    public static <T> T call(Callable<T> work) throws InterruptedException, ExecutionException {
        int cores = ofTask();
        ForkJoinPool pool = new ForkJoinPool(cores);
        pinNativeThreads(cores);
        try {
            return pool.submit(work).get();
        } finally {
            pool.shutdown();
            releaseNativeThreads();
        }
    }

    private static synchronized void pinNativeThreads(int cores) {
        if (running++ == 0) {
            savedMaxThreads = Nd4j.getEnvironment().maxThreads();
            savedMasterThreads = Nd4j.getEnvironment().maxMasterThreads();
            savedBlasThreads = Nd4j.factory().blas().getMaxThreads();
        }
        Nd4j.getEnvironment().setMaxThreads(cores);
        Nd4j.getEnvironment().setMaxMasterThreads(cores);
        Nd4j.factory().blas().setMaxThreads(cores);
    }

    private static synchronized void releaseNativeThreads() {
        if (--running == 0) {
            Nd4j.getEnvironment().setMaxThreads(savedMaxThreads);
            Nd4j.getEnvironment().setMaxMasterThreads(savedMasterThreads);
            Nd4j.factory().blas().setMaxThreads(savedBlasThreads);
        }
    }
}
