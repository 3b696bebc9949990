package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.es.EsJob;
import io.morphospark.jobs.es.EsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code morphospark es}: an evolution strategy with population evaluation fanned out over Spark. */
@Command(name = "es", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run an evolution strategy; each generation's population is evaluated as one Spark stage.")
final class EsCommand implements Callable<Integer> {
    @Option(names = "--preset", description = "Start from a named configuration (default: lateral-inhibition, the "
            + "seed's: N=7, R=50, dt 0.01, T 20, sigma 0.1, population 20, 4 parents, mutation 0.1, 100 generations, "
            + "hidden 8,8). The defaults below are this preset's.")
    String preset;
    @Option(names = "--config", description = "YAML file overlaid on the preset; flags override it.")
    Path config;
    @Option(names = "--out", description = "Run directory to create (must not hold a run).")
    Path out;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its last "
            + "checkpoint, or extend a finished or interrupted one with a larger --generations. Starts from the run's "
            + "recorded configuration; any other option given must equal it (the error names the fields that differ).")
    Path resume;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    SparkOptions spark;

    @Option(names = "--seed", description = "Run seed: every random draw derives from it (default 42).") Long seed;
    @Option(names = "--generations", description = "Generations to run (default 100). With --resume, a larger "
            + "number extends the run; the result equals a run started with it.") Integer generations;
    @Option(names = "--cells", description = "Cells in the row, N (default 7).") Integer cells;
    @Option(names = "--replicates", description = "Stochastic replicates per candidate, R (default 50).") Integer replicates;
    @Option(names = "--dt", description = "Euler-Maruyama time step (default 0.01).") Double dt;
    @Option(names = "--steps", description = "Euler-Maruyama steps (default 2000).") Integer steps;
    @Option(names = "--time", description = "Simulated time T; sets steps = T / dt (default 20).") Double time;
    @Option(names = "--noise", description = "Noise strength sigma (default 0.1).") Double noise;
    @Option(names = "--boundary", description = "free, zero-padded (default) or fixed (outer cells clamped to 0; "
            + "patterns and utility then cover the N-2 cells the network controls).") String boundary;
    @Option(names = "--hidden", split = ",", description = "Hidden layer widths of f (default 8,8).") int[] hidden;
    @Option(names = "--utility", description = "Fitness: hard (default) or soft (Gaussian KDE, bandwidth 0.1) "
            + "pattern utility.") String utility;
    @Option(names = "--problem", description = "lateral-inhibition (default), growing-nca, sphere, rosenbrock or rastrigin.")
    String problem;
    @Option(names = "--nca-size", description = "growing-nca: side of the disc target (default 64).") Integer ncaSize;
    @Option(names = "--nca-target", description = "growing-nca: disc (default) or an RGBA PNG.") String ncaTarget;
    @Option(names = "--rollouts", description = "growing-nca: rollouts from the seed per candidate (default 4).") Integer rollouts;
    @Option(names = "--dim", description = "Dimension of sphere, rosenbrock and rastrigin (default 10).") Integer dim;
    @Option(names = "--algorithm", description = "mu-plus-lambda (default), mu-comma-lambda, openai-es, cma-es, "
            + "sep-cma-es, snes, pgpe or ga.") String algorithm;
    @Option(names = "--sigma", description = "Initial step size; default: --mutation for mu-plus-lambda, "
            + "mu-comma-lambda and ga, the problem's suggestion otherwise.") Double sigma;
    @Option(names = "--learning-rate", description = "openai-es (Adam, default 0.01), pgpe (ClipUp step, default "
            + "sigma/2), snes (centre rate, default 1).") Double learningRate;
    @Option(names = "--population", description = "Candidates per generation, lambda (default 20).") Integer population;
    @Option(names = "--parents", description = "Parents kept (mu); default max(2, 0.2 * population).") Integer parents;
    @Option(names = "--mutation", description = "Mutation standard deviation (default 0.1).") Double mutation;
    @Option(names = "--replicate-block", description = "Replicates per Spark work item (default 25).") Integer replicateBlock;
    @Option(names = "--partitions", description = "Spark tasks per generation (default 0: default parallelism).")
    Integer partitions;
    @Option(names = "--validation-replicates", description = "Fresh replicates the final best network is validated "
            + "on (default 200).") Integer validationReplicates;
    @Option(names = "--trajectory-replicates", description = "Replicates of the final best network whose states go "
            + "to trajectories/ (default 10; 0: none).") Integer trajectoryReplicates;
    @Option(names = "--trajectory-stride", description = "Steps between recorded trajectory states (default 10).")
    Integer trajectoryStride;

    @Override
    public Integer call() {
        if (out == null && resume == null) { // the same usage error (exit 1) as every command's missing --out
            throw new picocli.CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--out"),
                    "Missing required option: '--out=<out>' (or --resume RUN_DIR)");
        }
        if ((out == null) == (resume == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give exactly one of --out and --resume");
        }
        EsSettings s = settings();
        s.validateRun();
        s.buildOptimizer(s.buildProblem()); // all checks before a session or a directory exists
        if (resume != null) {
            EsJob.checkResumable(resume, s); // fails fast if the run cannot be continued with these settings
            spark.withSession("morphospark-es", session -> new EsJob(session, s, System.out).resume(resume));
        } else {
            RunDirectory.requireAvailable(out);
            spark.withSession("morphospark-es", session -> new EsJob(session, s, System.out).run(out));
        }
        return ExitCodes.OK;
    }

    /**
     * The preset (or, with --resume and no --preset, the run's recorded configuration), then the
     * YAML file, then the flags: so {@code --resume RUN --generations 200} changes only generations.
     */
    EsSettings settings() {
        EsSettings s = resume != null && preset == null ? EsSettings.ofRun(resume)
                : EsSettings.preset(preset == null ? "lateral-inhibition" : preset);
        if (config != null) {
            s.mergeYaml(config);
        }
        if (seed != null) s.seed = seed;
        if (generations != null) s.generations = generations;
        if (cells != null) s.problem.cells = cells;
        if (replicates != null) s.problem.replicates = replicates;
        if (dt != null) s.problem.dt = dt;
        if (steps != null && time != null) {
            throw new BadInputException("--steps " + steps + " and --time " + time + " both set the steps: give one");
        }
        if (steps != null) s.problem.steps = steps;
        if (time != null) {
            if (!(time > 0) || Double.isInfinite(time)) {
                throw new BadInputException("time must be a positive number, got " + time);
            }
            s.problem.steps = (int) Math.round(time / s.problem.dt);
        }
        if (noise != null) s.problem.noise = noise;
        if (boundary != null) s.problem.boundary = boundary;
        if (hidden != null) s.problem.hidden = hidden;
        if (utility != null) s.problem.utility = utility;
        if (problem != null) s.problem.name = problem;
        if (dim != null) s.problem.dim = dim;
        if (ncaSize != null) s.problem.nca.size = ncaSize;
        if (ncaTarget != null) s.problem.nca.target = ncaTarget;
        if (rollouts != null) s.problem.nca.rollouts = rollouts;
        if (algorithm != null) s.optimizer.algorithm = algorithm;
        if (sigma != null) s.optimizer.sigma = sigma;
        if (learningRate != null) s.optimizer.learningRate = learningRate;
        if (population != null) s.optimizer.population = population;
        if (parents != null) s.optimizer.parents = parents;
        if (mutation != null) s.optimizer.mutation = mutation;
        if (replicateBlock != null) s.evaluation.replicateBlock = replicateBlock;
        if (partitions != null) s.evaluation.partitions = partitions;
        if (validationReplicates != null) s.evaluation.validationReplicates = validationReplicates;
        if (trajectoryReplicates != null) s.output.trajectoryReplicates = trajectoryReplicates;
        if (trajectoryStride != null) s.output.trajectoryStride = trajectoryStride;
        return s;
    }
}
