package io.morphospark.jobs.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time of this JVM's threads, summed by kind of thread (Spark names its threads by role:
 * dag-scheduler-event-loop, task-result-getter-2, Executor task launch worker for task 1.0 …), so
 * that the CPU a Spark generation costs can be split between the tasks and the driver's machinery.
 * CPU time, unlike wall time, is not inflated by other processes on a loaded machine.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern TASK = Pattern.compile(" for task .*| for TID .*");
    private static final Pattern NUMBERS = Pattern.compile("[-#]?\\d+");

    private ThreadCpu() {
    }

    /** CPU nanoseconds per thread id, keyed "group\u0000id" so a diff can match threads. */
    static Map<String, Long> byGroup() {
        Map<String, Long> out = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long ns = THREADS.getThreadCpuTime(info.getThreadId());
            if (ns >= 0) {
                out.put(group(info.getThreadName()) + '\u0000' + info.getThreadId(), ns);
            }
        }
        return out;
    }

    static String group(String threadName) {
        return NUMBERS.matcher(TASK.matcher(threadName).replaceAll("")).replaceAll("").trim();
    }

    /** Adds, per group, the CPU its threads used between two snapshots (a thread born in between counts from 0). */
    static void accumulate(Map<String, Long> into, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((key, ns) -> {
            long used = ns - before.getOrDefault(key, 0L);
            if (used > 0) {
                into.merge(key.substring(0, key.indexOf('\u0000')), used, Long::sum);
            }
        });
    }

    static void print(String label, Map<String, Long> cpu, int generations) {
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("CPU per %s generation, by thread (mean of %d generations): %.1f ms in all%n", label,
                generations, total / 1e6 / generations);
        cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / 1e6 / generations >= 0.05)
                .forEach(e -> System.out.printf("  %-50s %8.2f ms%n", e.getKey(), e.getValue() / 1e6 / generations));
    }
}
