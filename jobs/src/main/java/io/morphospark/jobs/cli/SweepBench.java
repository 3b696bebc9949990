package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench sweep}: the task-sized trials of a spec as parallel Spark tasks against the same
 * trials one after another in the driver (the same code path as inside a task, but with the math
 * library's default threads, as a trial run alone would have). The acceptance figure of issue 16 is
 * the ratio on local[2] (≤ 0.6). Several specs (ES trials, NCA trials) are measured in one session.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Wall time of a sweep's task-sized trials "
        + "(nca-train, nca-train-advection, a small es) as parallel Spark tasks against one after another; prints both "
        + "and the ratio for each spec. One trial of each spec runs first as a Spark task, untimed, to warm up the JVM "
        + "and Spark's task path.")
final class SweepBench implements Callable<Integer> {
    @Option(names = "--spec", required = true, description = "A sweep spec whose trials are all task-sized; repeat the "
            + "option to measure several (e.g. specs/sweeps/bench-es.yaml and specs/sweeps/bench-nca.yaml).")
    List<Path> specs;
    @Option(names = "--work", description = "A new or empty directory for the roots (per spec: warmup, sequential, "
            + "tasks); default: a new temporary directory.")
    Path work;
    @Option(names = "--jobs-baseline", description = "Also time the trials one after another as Spark jobs (each "
            + "with the whole session: ES evaluates a stage per generation over every slot) and print that ratio too "
            + "(default: ${DEFAULT-VALUE}).")
    boolean jobsBaseline;
    @Mixin
    SparkOptions spark;

    private record Planned(Path spec, TrialSweepSpec sweep, SweepRunner warmup, SweepRunner sequential, SweepRunner tasks,
                           SweepRunner asJobs) {
    }

    @Override
    public Integer call() throws IOException {
        Path dir = work != null ? work : Files.createTempDirectory("morphospark-bench-sweep");
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException("--work " + dir + " is not empty: the bench needs fresh roots");
                }
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) { // every spec is checked before anything runs
            Path spec = specs.get(i);
            TrialSweepSpec s = TrialSweepSpec.read(spec);
            Path roots = dir.resolve(specs.size() == 1 ? "" : i + "-" + s.name);
            SweepRunner sequential = SweepRunner.plan(s, roots.resolve("sequential"), false);
            SweepRunner tasks = SweepRunner.plan(s, roots.resolve("tasks"), false);
            if (sequential.trials().stream().anyMatch(t -> !t.task())) {
                throw new BadInputException("job: bench sweep compares task-sized trials; the trials of " + spec
                        + " (" + s.job + ") are Spark jobs");
            }
            TrialSweepSpec warm = TrialSweepSpec.read(spec);
            warm.parameters.clear();
            warm.repeats = null;
            warm.samples = 1;
            planned.add(new Planned(spec, s, SweepRunner.plan(warm, roots.resolve("warmup"), false), sequential, tasks,
                    jobsBaseline ? SweepRunner.plan(s, roots.resolve("as-jobs"), false) : null));
        }
        return spark.withSession("morphospark-bench-sweep", session -> {
            List<String> results = new ArrayList<>();
            for (Planned p : planned) {
                System.out.printf("bench sweep: %s: %d trials of %s, %d slots (%s)%n", p.spec(), p.sequential().trials().size(),
                        p.sweep().job, session.sparkContext().defaultParallelism(), session.sparkContext().master());
                // untimed: the trial's code and Spark's task path (the session's first job) both warmed up
                SweepRunner.Result warm = p.warmup().run(session, 1, System.out);
                if (!warm.failed().isEmpty()) {
                    throw new IllegalStateException("the warm-up trial failed: " + warm.failed().get(0));
                }
                double oneAfterAnother = p.sequential().runOneAfterAnother(System.out);
                SweepRunner.Result result = p.tasks().run(session, 1, System.out);
                if (!result.failed().isEmpty()) {
                    throw new IllegalStateException(result.failed().size() + " trials failed, e.g. " + result.failed().get(0));
                }
                String line = String.format("bench sweep: %s (%d trials of %s): one after another %.1f s; as Spark tasks %.1f s; "
                                + "ratio %.2f", p.sweep().name, p.sequential().trials().size(), p.sweep().job, oneAfterAnother,
                        result.trialSeconds(), result.trialSeconds() / oneAfterAnother);
                if (p.asJobs() != null) {
                    double asJobs = p.asJobs().runOneAfterAnother(session, System.out);
                    line += String.format("; one after another as Spark jobs %.1f s, ratio %.2f", asJobs,
                            result.trialSeconds() / asJobs);
                }
                results.add(line);
                System.out.println(results.get(results.size() - 1));
            }
            if (results.size() > 1) {
                System.out.println("bench sweep: summary (" + dir + ")");
                results.forEach(System.out::println);
            }
            return ExitCodes.OK;
        });
    }
}
