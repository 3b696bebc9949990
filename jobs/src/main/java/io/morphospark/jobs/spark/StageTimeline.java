package io.morphospark.jobs.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the time of a one-stage job goes, from Spark's own events and task metrics: submission
 * (driver call to the scheduler's job start), stage set-up, task launch, the tasks' deserialisation,
 * run time (wall and CPU), result serialisation and GC, the scheduler's delay around them, and the
 * wait for the slowest task. Task metrics are per-task CPU and wall times, so they stay meaningful on a
 * loaded machine where the job's wall time does not. Event times are Spark's (wall clock, ms).
 */
public final class StageTimeline extends SparkListener {
    /** One task's metrics and times. */
    public record Task(long launch, long finish, long deserializeMs, double deserializeCpuMs, long runMs, double runCpuMs,
                       long resultSerializationMs, long gcMs, long gettingResultMs, long resultBytes) {
        /** Spark UI's scheduler delay: what the task's duration holds beyond its own work. */
        public long schedulerDelayMs() {
            return Math.max(0, finish - launch - deserializeMs - runMs - resultSerializationMs - gettingResultMs);
        }
    }

    /** One job: its events' times and its tasks. */
    public static final class Job {
        public volatile long start = -1;
        public volatile long stageSubmitted = -1;
        public volatile long end = -1;
        public final List<Task> tasks = new ArrayList<>();
    }

    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> jobOfStage = new ConcurrentHashMap<>();
    private final Object ended = new Object();

    /** Registers a timeline on {@code context}; remove it with {@link #detach}. */
    public static StageTimeline attach(SparkContext context) {
        StageTimeline t = new StageTimeline();
        context.addSparkListener(t);
        return t;
    }

    public void detach(SparkContext context) {
        context.removeSparkListener(this);
    }

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        Job job = jobs.computeIfAbsent(event.jobId(), id -> new Job());
        job.start = event.time();
        scala.jdk.javaapi.CollectionConverters.asJava(event.stageIds())
                .forEach(stage -> jobOfStage.put((Integer) stage, event.jobId()));
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        Integer jobId = jobOfStage.get(event.stageInfo().stageId());
        if (jobId != null && event.stageInfo().submissionTime().isDefined()) {
            jobs.get(jobId).stageSubmitted = (Long) event.stageInfo().submissionTime().get();
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        Integer jobId = jobOfStage.get(event.stageId());
        TaskMetrics m = event.taskMetrics();
        if (jobId == null || m == null) {
            return;
        }
        TaskInfo info = event.taskInfo();
        Job job = jobs.get(jobId);
        synchronized (job.tasks) {
            job.tasks.add(new Task(info.launchTime(), info.finishTime(), m.executorDeserializeTime(),
                    m.executorDeserializeCpuTime() / 1e6, m.executorRunTime(), m.executorCpuTime() / 1e6,
                    m.resultSerializationTime(), m.jvmGCTime(), info.gettingResultTime() == 0 ? 0
                    : info.finishTime() - info.gettingResultTime(), m.resultSize()));
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        Job job = jobs.computeIfAbsent(event.jobId(), id -> new Job());
        job.end = event.time();
        synchronized (ended) {
            ended.notifyAll();
        }
    }

    /** Waits (the listener bus is asynchronous) until the events of {@code count} jobs have all arrived. */
    public boolean awaitJobs(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (ended) {
            while (jobs.values().stream().filter(j -> j.end >= 0).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ended, left);
            }
        }
        return true;
    }

    /** The jobs seen so far, by id. */
    public Map<Integer, Job> jobs() {
        return jobs;
    }
}
