package io.morphospark.jobs.cli;

import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.nca.NcaPlaybackJob;
import io.morphospark.jobs.nca.NcaSettings;
import io.morphospark.jobs.nca.NcaTrainJob;
import io.morphospark.jobs.nca.TrainingRun;
import io.morphospark.jobs.nca.advection.AdvectionEvalJob;
import io.morphospark.jobs.nca.advection.AdvectionSettings;
import io.morphospark.jobs.nca.advection.AdvectionTrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code morphospark nca}: the growing neural CA (Mordvintsev et al., Distill 2020) and the
 * advection NCA of formation transitions (seed 003).
 */
@Command(name = "nca", mixinStandardHelpOptions = true,
        description = "Neural cellular automata: train a growing one, grow it, damage it and watch it regenerate; "
                + "train and evaluate the mass-conserving advection NCA of formation transitions.",
        subcommands = {NcaCommand.Train.class, NcaCommand.Grow.class, NcaCommand.Regenerate.class,
            NcaCommand.TrainAdvection.class, NcaCommand.EvalAdvection.class})
final class NcaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options that do not shape a training's configuration, so they may accompany --resume. */
    private static final List<String> NOT_CONFIGURATION = List.of("--out", "--resume", "--master", "--checkpoint-every");

    /** Whether any option that shapes the configuration was given on the command line. */
    private static boolean configurationGiven(CommandSpec spec) {
        return spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(o -> !NOT_CONFIGURATION.contains(o.longestName()));
    }

    /** Neither is a missing option (usage, as a missing --out of the other nca commands); both, a bad combination. */
    private static void requireOutOrResume(CommandSpec spec, Path out, Path resume) {
        if (out == null && resume == null) {
            throw new picocli.CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--out"),
                    "Missing required option: give --out (a new run) or --resume (an interrupted one)");
        }
        if (out != null && resume != null) {
            throw new ParameterException(spec.commandLine(), "give either --out or --resume, not both");
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Pool-based training by gradient (by default the seed recipe, with Distill's seed placement). "
                    + "Checkpoints as it goes; a killed run continues with --resume RUN_DIR, bit for bit.")
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Spec
        CommandSpec spec;
        @Option(names = "--target", defaultValue = "disc",
                description = "disc (the seed's) or an RGBA PNG (default: ${DEFAULT-VALUE}).")
        String target;
        @Option(names = "--epochs", defaultValue = "500", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
        int epochs;
        @Option(names = "--out", description = "Run directory to create.") Path out;
        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its last "
                + "checkpoint (the result equals an uninterrupted run's). Options that shape the training, if given, "
                + "must reproduce the run's configuration.")
        Path resume;
        @Option(names = "--checkpoint-every", defaultValue = "20", paramLabel = "EPOCHS",
                description = "Checkpoint every this many epochs and after the last (default: ${DEFAULT-VALUE}, "
                        + "about 40 s of the default run). Changes no result.")
        int checkpointEvery;
        @Option(names = "--regeneration", description = "Damage the batch's best samples (Distill's third experiment); "
                + "needs --batch of at least 2.")
        boolean regeneration;
        @Option(names = "--size", defaultValue = "0",
                description = "Grid side (default: ${DEFAULT-VALUE} = the pattern's).") int size;
        @Option(names = "--disc-size", defaultValue = "64",
                description = "Side of the disc target (default: ${DEFAULT-VALUE}).") int discSize;
        @Option(names = "--seed", defaultValue = "0",
                description = "Keys every random draw: initial weights, batches, step counts, fire masks, damage "
                        + "(default: ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--pool", defaultValue = "256",
                description = "Samples in the training pool (default: ${DEFAULT-VALUE}).") int pool;
        @Option(names = "--batch", defaultValue = "4",
                description = "Pool samples per epoch (default: ${DEFAULT-VALUE}).") int batch;
        @Option(names = "--min-steps", defaultValue = "64",
                description = "Fewest CA steps per epoch (default: ${DEFAULT-VALUE}).") int minSteps;
        @Option(names = "--max-steps", defaultValue = "95",
                description = "Most CA steps per epoch (default: ${DEFAULT-VALUE}).") int maxSteps;
        @Option(names = "--lr", defaultValue = "2e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
        double lr;
        @Option(names = "--lr-drop", defaultValue = "0", description = "Epoch from which the learning rate is a tenth "
                + "(Distill: 2000); 0 = never (default: ${DEFAULT-VALUE}).") int lrDrop;
        @Option(names = "--gradient", defaultValue = "clip",
                description = "clip (global norm 1.0, the seed) or normalise (each variable to unit norm, Distill) "
                        + "(default: ${DEFAULT-VALUE}).")
        String gradient;
        @Option(names = "--fire-rate", defaultValue = "0.5",
                description = "Probability that a cell updates at a step (default: ${DEFAULT-VALUE}).") double fireRate;
        @Option(names = "--seed-cell", defaultValue = "alpha",
                description = "Seed cell: alpha (the seed notebook) or alpha-hidden (Distill: alpha and hidden channels 1) "
                        + "(default: ${DEFAULT-VALUE}).")
        String seedCell;
        @Option(names = "--reseed", defaultValue = "before", description = "When the batch's worst sample becomes a seed: "
                + "before the step, in the batch (Distill: every batch grows one seed), or after it, in the pool "
                + "(the seed notebook) (default: ${DEFAULT-VALUE}).")
        String reseed;
        @Option(names = "--engine", defaultValue = "auto", description = "auto (fused on CPU, SameDiff on GPU), fused, "
                + "matmul or conv1x1 (SameDiff forms) (default: ${DEFAULT-VALUE}).") String engine;
        @Option(names = "--grow-steps", defaultValue = "200",
                description = "Steps of the growth shown after training (default: ${DEFAULT-VALUE}).") int growSteps;
        @Option(names = "--stride", defaultValue = "20",
                description = "Frames of that growth every this many steps (default: ${DEFAULT-VALUE}).") int stride;
        @Option(names = "--validate-every", defaultValue = "25", description = "Grow from the seed every this many epochs "
                + "and score it; the best is kept current as model-best/ (0 = never; default: ${DEFAULT-VALUE}).")
        int validateEvery;
        @Option(names = "--validation-steps", defaultValue = "400",
                description = "Steps of that growth (default: ${DEFAULT-VALUE}).") int validationSteps;
        @Option(names = "--validation-growths", defaultValue = "4", description = "Growths averaged per validation below "
                + "fire rate 1 (different fire masks) (default: ${DEFAULT-VALUE}).") int validationGrowths;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            requireOutOrResume(spec, out, resume);
            NcaSettings s = resume != null && !configurationGiven(spec) ? NcaSettings.ofRun(resume) : settings();
            s.checkpointEvery = checkpointEvery;
            s.validate();
            if (resume != null) {
                TrainingRun.checkResumable(resume, NcaTrainJob.JOB, s); // before a session starts
                spark.withSession("morphospark-nca", session -> new NcaTrainJob(session, s, System.out).resume(resume));
            } else {
                RunDirectory.requireAvailable(out);
                spark.withSession("morphospark-nca", session -> new NcaTrainJob(session, s, System.out).run(out));
            }
            return ExitCodes.OK;
        }

        private NcaSettings settings() {
            NcaSettings s = new NcaSettings();
            s.validateEvery = validateEvery;
            s.validationSteps = validationSteps;
            s.validationGrowths = validationGrowths;
            s.target = target;
            s.epochs = epochs;
            s.regeneration = regeneration;
            s.seedCell = seedCell;
            s.reseed = reseed;
            s.size = size;
            s.discSize = discSize;
            s.seed = seed;
            s.pool = pool;
            s.batch = batch;
            s.minSteps = minSteps;
            s.maxSteps = maxSteps;
            s.learningRate = lr;
            s.lrDropEpoch = lrDrop;
            s.gradient = gradient;
            s.fireRate = fireRate;
            s.engine = engine;
            s.growSteps = growSteps;
            s.trajectoryStride = stride;
            return s;
        }
    }

    /** Options grow and regenerate share. */
    static final class Playback {
        @Option(names = "--model", required = true, description = "A training run (or its model/ directory).") Path model;
        @Option(names = "--out", required = true, description = "Run directory to create.") Path out;
        @Option(names = "--fire-rate", defaultValue = "1.0",
                description = "Probability that a cell updates at a step; 1 = every cell (the seed's inference; "
                        + "default: ${DEFAULT-VALUE}).")
        double fireRate;
        @Option(names = "--seed", defaultValue = "0",
                description = "Keys the fire masks when the fire rate is below 1 (default: ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--stride", defaultValue = "20",
                description = "Frames every this many steps (default: ${DEFAULT-VALUE}).") int stride;
        @Option(names = "--engine", defaultValue = "auto",
                description = "auto, fused, matmul or conv1x1 (default: ${DEFAULT-VALUE}).") String engine;
        @Mixin SparkOptions spark;

        NcaPlaybackJob.Settings settings() {
            NcaPlaybackJob.Settings s = new NcaPlaybackJob.Settings();
            s.model = model.toString();
            s.fireRate = fireRate;
            s.seed = seed;
            s.stride = stride;
            s.engine = engine;
            return s;
        }
    }

    @Command(name = "grow", mixinStandardHelpOptions = true, description = "Grow a trained model from the seed.")
    static final class Grow implements Callable<Integer> {
        @Mixin Playback playback;
        @Option(names = "--steps", defaultValue = "200", description = "Steps grown (default: ${DEFAULT-VALUE}).") int steps;

        @Override
        public Integer call() {
            NcaPlaybackJob.Settings s = playback.settings();
            s.growSteps = steps;
            s.regrowSteps = 0;
            NcaPlaybackJob.validate(s, false);
            RunDirectory.requireAvailable(playback.out);
            playback.spark.withSession("morphospark-nca", session -> new NcaPlaybackJob(session, s, System.out).grow(playback.out));
            return ExitCodes.OK;
        }
    }

    @Command(name = "regenerate", mixinStandardHelpOptions = true,
            description = "The seed's regeneration test: grow, zero the square [from:to, from:to], grow again.")
    static final class Regenerate implements Callable<Integer> {
        @Mixin Playback playback;
        @Option(names = "--grow-steps", defaultValue = "100",
                description = "Steps grown before the damage (default: ${DEFAULT-VALUE}).") int growSteps;
        @Option(names = "--regrow-steps", defaultValue = "100",
                description = "Steps grown after it (default: ${DEFAULT-VALUE}).") int regrowSteps;
        @Option(names = "--damage-from", defaultValue = "20",
                description = "First row and column of the zeroed square (default: ${DEFAULT-VALUE}).") int from;
        @Option(names = "--damage-to", defaultValue = "44",
                description = "Row and column after its last, exclusive (default: ${DEFAULT-VALUE}).") int to;

        @Override
        public Integer call() {
            NcaPlaybackJob.Settings s = playback.settings();
            s.growSteps = growSteps;
            s.regrowSteps = regrowSteps;
            s.damageFrom = from;
            s.damageTo = to;
            NcaPlaybackJob.validate(s, true);
            RunDirectory.requireAvailable(playback.out);
            playback.spark.withSession("morphospark-nca",
                    session -> new NcaPlaybackJob(session, s, System.out).regenerate(playback.out));
            return ExitCodes.OK;
        }
    }

    @Command(name = "train-advection", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train the advection NCA (seed 003) to move a fixed mass between LINE, SQUARE and WEDGE "
                    + "formations; mass is conserved by construction. Defaults are the seed's recipe. Checkpoints as it "
                    + "goes; a killed run continues with --resume RUN_DIR, bit for bit.")
    static final class TrainAdvection implements Callable<Integer> {
        @picocli.CommandLine.Spec
        CommandSpec spec;
        @Option(names = "--out", description = "Run directory to create.") Path out;
        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its last "
                + "checkpoint (the result equals an uninterrupted run's). Options that shape the training, if given, "
                + "must reproduce the run's configuration.")
        Path resume;
        @Option(names = "--checkpoint-every", defaultValue = "1", paramLabel = "ITERATIONS",
                description = "Checkpoint every this many iterations and after the last (default: ${DEFAULT-VALUE}; an "
                        + "iteration of the default run takes minutes). Changes no result.")
        int checkpointEvery;
        @Option(names = "--iterations", defaultValue = "2000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
        int iterations;
        @Option(names = "--grid", defaultValue = "128", description = "Grid side (default: ${DEFAULT-VALUE}).") int grid;
        @Option(names = "--mass", defaultValue = "200",
                description = "Total mass of every formation and start state (default: ${DEFAULT-VALUE}).")
        double mass;
        @Option(names = "--steps", defaultValue = "64", description = "NCA steps per trajectory (default: ${DEFAULT-VALUE}).")
        int steps;
        @Option(names = "--batch", defaultValue = "8", description = "Pool samples per batch (default: ${DEFAULT-VALUE}).")
        int batch;
        @Option(names = "--accumulation", defaultValue = "4",
                description = "Batches per optimiser step (default: ${DEFAULT-VALUE}).") int accumulation;
        @Option(names = "--pool", defaultValue = "256",
                description = "Samples in the training pool (default: ${DEFAULT-VALUE}).") int pool;
        @Option(names = "--seed", defaultValue = "0", description = "Keys every random draw: weights, pool, batches, "
                + "targets, fire masks, velocity noise (default: ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--lr", defaultValue = "2e-3",
                description = "Peak learning rate of the warm-up/cosine schedule (default: ${DEFAULT-VALUE}).") double lr;
        @Option(names = "--warmup", defaultValue = "200", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--decay", defaultValue = "4000",
                description = "Iteration at which the cosine decay ends (default: ${DEFAULT-VALUE}).") int decay;
        @Option(names = "--fire-rate", defaultValue = "0.5",
                description = "Probability that a cell updates at a step (default: ${DEFAULT-VALUE}).") double fireRate;
        @Option(names = "--refresh", defaultValue = "0", description = "Samples per batch replaced in the pool by fresh "
                + "starting states (0: the seed's recipe; default: ${DEFAULT-VALUE}).")
        int refresh;
        @Option(names = "--diffusion", defaultValue = "0.08",
                description = "Diffusion rate per step, 0..0.25 (default: ${DEFAULT-VALUE}).") double diffusion;
        @Option(names = "--velocity-noise", defaultValue = "0.25",
                description = "Std. dev. of exploration noise on velocity (default: ${DEFAULT-VALUE}).")
        double velocityNoise;
        @Option(names = "--capacity", defaultValue = "1",
                description = "Density a cell may reach by inflow (0: no limit; default: ${DEFAULT-VALUE}).")
        double capacity;
        @Option(names = "--max-rotation", defaultValue = "30",
                description = "Targets rotate by up to this many degrees (default: ${DEFAULT-VALUE}).")
        double maxRotation;
        @Option(names = "--precision", defaultValue = "float", description = "float or double (default: ${DEFAULT-VALUE}).")
        String precision;
        @Option(names = "--film-stride", defaultValue = "8",
                description = "Film-strip frames every this many steps (default: ${DEFAULT-VALUE}).")
        int filmStride;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            requireOutOrResume(spec, out, resume);
            AdvectionSettings s = resume != null && !configurationGiven(spec) ? AdvectionSettings.ofRun(resume) : settings();
            s.checkpointEvery = checkpointEvery;
            s.validate();
            if (resume != null) {
                TrainingRun.checkResumable(resume, AdvectionTrainJob.JOB, s); // before a session starts
                spark.withSession("morphospark-nca", session -> new AdvectionTrainJob(session, s, System.out).resume(resume));
            } else {
                RunDirectory.requireAvailable(out);
                spark.withSession("morphospark-nca", session -> new AdvectionTrainJob(session, s, System.out).run(out));
            }
            return ExitCodes.OK;
        }

        private AdvectionSettings settings() {
            AdvectionSettings s = new AdvectionSettings();
            s.iterations = iterations;
            s.grid = grid;
            s.mass = mass;
            s.steps = steps;
            s.batch = batch;
            s.accumulation = accumulation;
            s.pool = pool;
            s.seed = seed;
            s.learningRate = lr;
            s.warmup = warmup;
            s.decay = decay;
            s.fireRate = fireRate;
            s.refresh = refresh;
            s.diffusion = diffusion;
            s.velocityNoise = velocityNoise;
            s.capacity = capacity;
            s.maxRotation = maxRotation;
            s.precision = precision;
            s.filmStride = filmStride;
            return s;
        }
    }

    @Command(name = "eval-advection", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Transition table of a trained advection NCA beside the goal-gradient baseline: final mass MSE "
                    + "and conservation ratio for every source -> target formation pair.")
    static final class EvalAdvection implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "A train-advection run (or its model/ directory).")
        Path model;
        @Option(names = "--out", required = true, description = "Run directory to create.") Path out;
        @Option(names = "--steps", defaultValue = "0", description = "Steps per transition (0: the model's).") int steps;
        @Option(names = "--grid", defaultValue = "0", description = "Grid side (0: the model's).") int grid;
        @Option(names = "--mass", defaultValue = "0", description = "Formation mass (0: the model's).") double mass;
        @Option(names = "--seed", defaultValue = "0", description = "Keys fire masks and velocity noise.") long seed;
        @Option(names = "--film-stride", defaultValue = "8",
                description = "Film-strip frames every this many steps (default: ${DEFAULT-VALUE}).") int filmStride;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            AdvectionEvalJob.Settings s = new AdvectionEvalJob.Settings();
            s.model = model.toString();
            s.steps = steps;
            s.grid = grid;
            s.mass = mass;
            s.seed = seed;
            s.filmStride = filmStride;
            AdvectionEvalJob.validate(s);
            RunDirectory.requireAvailable(out);
            spark.withSession("morphospark-nca", session -> new AdvectionEvalJob(session, s, System.out).run(out));
            return ExitCodes.OK;
        }
    }
}
