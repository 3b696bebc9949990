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
import java.util.concurrent.Callable;

/**
 * {@code bench sweep}: the task-sized trials of a spec as parallel Spark tasks against the same
 * trials one after another in the driver (the same code path as inside a task). The acceptance
 * figure of issue 16 is the ratio on local[2] (≤ 0.6).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Wall time of a sweep's task-sized trials "
        + "(nca-train, nca-train-advection) as parallel Spark tasks against one after another; prints both and the ratio. "
        + "One trial runs first, untimed, to warm up the JVM.")
final class SweepBench implements Callable<Integer> {
    @Option(names = "--spec", required = true, description = "A sweep spec whose trials are all task-sized.")
    Path spec;
    @Option(names = "--work", description = "A new or empty directory for the three roots (warmup, sequential, "
            + "tasks); default: a new temporary directory.")
    Path work;
    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws IOException {
        TrialSweepSpec s = TrialSweepSpec.read(spec);
        Path dir = work != null ? work : Files.createTempDirectory("morphospark-bench-sweep");
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException("--work " + dir + " is not empty: the bench needs fresh roots");
                }
            }
        }
        SweepRunner sequential = SweepRunner.plan(s, dir.resolve("sequential"), false);
        SweepRunner tasks = SweepRunner.plan(s, dir.resolve("tasks"), false);
        if (sequential.trials().stream().anyMatch(t -> !t.task())) {
            throw new BadInputException("job: bench sweep compares task-sized trials; " + s.job + " trials are Spark jobs");
        }
        TrialSweepSpec warm = TrialSweepSpec.read(spec);
        warm.parameters.clear();
        warm.repeats = null;
        warm.samples = 1;
        SweepRunner warmup = SweepRunner.plan(warm, dir.resolve("warmup"), false);
        return spark.withSession("morphospark-bench-sweep", session -> {
            System.out.printf("bench sweep: %d trials of %s, %d slots (%s)%n", sequential.trials().size(), s.job,
                    session.sparkContext().defaultParallelism(), session.sparkContext().master());
            warmup.runOneAfterAnother(System.out);
            double oneAfterAnother = sequential.runOneAfterAnother(System.out);
            SweepRunner.Result result = tasks.run(session, 1, System.out);
            if (!result.failed().isEmpty()) {
                throw new IllegalStateException(result.failed().size() + " trials failed, e.g. " + result.failed().get(0));
            }
            System.out.printf("bench sweep: one after another %.1f s; as Spark tasks %.1f s; ratio %.2f (%s)%n",
                    oneAfterAnother, result.trialSeconds(), result.trialSeconds() / oneAfterAnother, dir);
            return ExitCodes.OK;
        });
    }
}
