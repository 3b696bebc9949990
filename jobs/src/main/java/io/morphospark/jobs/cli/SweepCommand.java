package io.morphospark.jobs.cli;

import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code morphospark sweep}: the trials of a sweep spec as one Spark application, safe to re-run. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep of one job (es, nca-train, nca-train-advection, generate, discover) "
                + "from a YAML spec: a base configuration, parameters (grid, uniform, log_uniform; uniform or "
                + "latin-hypercube draws) and repeats over seeds. Each trial's id is the hash of its resolved "
                + "configuration and its run (a dataset for generate) is ROOT/trials/ID.",
                "Re-running the same spec skips committed trials and resumes interrupted ones, so a killed or retried "
                + "sweep ends with every trial exactly once. Trials that fit a task (nca-train, nca-train-advection, a "
                + "small es) run as parallel Spark tasks; Spark-job trials (a larger es, generate, discover) run one after "
                + "another or --max-parallel at once. A failed trial is recorded (ROOT/failures/) and the others go on; "
                + "the exit code is then 3. ROOT/catalog is rewritten at the end (see 'morphospark runs'). See "
                + "docs/SCHEDULING.md."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The sweep spec (YAML).")
    Path spec;
    @Option(names = "--out", paramLabel = "ROOT", description = "Output root; overrides the spec's out.")
    Path out;
    @Option(names = "--dry-run", description = "Check everything and print the trials (id, state, values); write nothing.")
    boolean dryRun;
    @Option(names = "--extend", description = "Add this spec's trials to a root filled by another spec (refused otherwise).")
    boolean extend;
    @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "1", description = "Spark-job trials (a large es, "
            + "generate, discover) run at once, each in its own FAIR scheduler pool (default: ${DEFAULT-VALUE}).")
    int maxParallel;
    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        TrialSweepSpec s = TrialSweepSpec.read(spec);
        SweepRunner runner = SweepRunner.plan(s, out != null ? out : s.out == null ? null : Path.of(s.out), extend);
        if (maxParallel < 1) {
            throw new io.morphospark.datasets.BadInputException("--max-parallel must be at least 1, got " + maxParallel);
        }
        if (dryRun) {
            runner.printPlan(System.out);
            return ExitCodes.OK;
        }
        // pools share the slots only under the FAIR scheduler; spark-submit's --conf still wins
        boolean fair = System.getProperty("spark.scheduler.mode") == null;
        if (fair) {
            System.setProperty("spark.scheduler.mode", "FAIR");
        }
        SweepRunner.Result result;
        try {
            result = spark.withSession("morphospark-sweep", session -> {
                if (fair) {
                    System.clearProperty("spark.scheduler.mode");
                }
                return runner.run(session, maxParallel, System.out);
            });
        } finally {
            if (fair) {
                System.clearProperty("spark.scheduler.mode");
            }
        }
        if (!result.failed().isEmpty()) {
            System.err.println("morphospark: error: " + result.failed().size() + " of " + runner.trials().size()
                    + " trials failed (first: " + result.failed().get(0).id() + ": " + result.failed().get(0).error()
                    + "); recorded in " + runner.root().resolve("failures") + "; run the same command again to retry them");
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }
}
