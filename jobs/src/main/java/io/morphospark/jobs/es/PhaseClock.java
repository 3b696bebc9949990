package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall and process-CPU seconds of a run's phases (start-up, generations, tables with artifacts, the
 * fitness plot, commit), for summary.json: where the time of a run goes, from the run itself. Process CPU counts
 * every thread of this JVM (Spark's included), so it stays meaningful on a loaded machine, where wall
 * time is stretched by other processes. Start-up runs from the JVM's start to the job's.
 */
final class PhaseClock {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, double[]> phases = new LinkedHashMap<>();
    private long wall = System.currentTimeMillis();
    private long cpu = OS.getProcessCpuTime();

    /** Starts the clock and books the time since the JVM started as {@code start-up}. */
    PhaseClock() {
        phases.put("start_up", new double[] {(wall - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3, cpu / 1e9});
    }

    /** Books the time since the last mark as {@code phase} (added to it when the phase comes again). */
    void mark(String phase) {
        long nowWall = System.currentTimeMillis();
        long nowCpu = OS.getProcessCpuTime();
        double[] t = phases.computeIfAbsent(phase, p -> new double[2]);
        t[0] += (nowWall - wall) / 1e3;
        t[1] += (nowCpu - cpu) / 1e9;
        wall = nowWall;
        cpu = nowCpu;
    }

    /** Records a phase timed elsewhere (on another thread, overlapping the marked ones): wall seconds only. */
    void put(String phase, double wallSeconds) {
        phases.put(phase, new double[] {wallSeconds, Double.NaN});
    }

    /** Writes {@code phases: {name: {wall_s, cpu_s}}} into {@code summary}. */
    void writeTo(ObjectNode summary) {
        ObjectNode out = summary.putObject("phases");
        phases.forEach((name, t) -> {
            ObjectNode p = out.putObject(name);
            p.put("wall_s", Math.round(t[0] * 1000) / 1000.0);
            if (!Double.isNaN(t[1])) {
                p.put("cpu_s", Math.round(t[1] * 1000) / 1000.0);
            }
        });
    }

    /** One console line: each phase's wall seconds. */
    String describe() {
        StringBuilder s = new StringBuilder();
        phases.forEach((name, t) -> s.append(s.length() == 0 ? "" : ", ").append(name.replace('_', '-'))
                .append(String.format(" %.1f s", t[0])));
        return s.toString();
    }
}
