package io.morphospark.jobs.spark;

import org.apache.spark.TaskContext;
import io.morphospark.models.gpu.MathThreads;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a whole task-sized piece of work (a sweep trial, a trial of {@code classifier train
 * --trials}) on the cores Spark gave its task ({@code spark.task.cpus}, 1 by default) and no more:
 * inside a fork-join pool of that size, so its Java parallel streams (the fused NCA step) stay on
 * those cores instead of spreading over the machine's common pool, and with the native math library
 * pinned to as many threads ({@link MathThreads}), so K DL4J trainings on K slots do not each start
 * a thread per core of the machine.
 */
public final class TaskCores {
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
        try {
            // Pinned on the pool's thread: OpenMP's team size is a setting of the thread that runs the work.
            return pool.submit(() -> {
                try (MathThreads pinned = MathThreads.pin(cores)) {
                    return work.call();
                }
            }).get();
        } finally {
            pool.shutdown();
        }
    }
}
