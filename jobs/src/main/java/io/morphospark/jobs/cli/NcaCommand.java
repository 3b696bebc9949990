package io.morphospark.jobs.cli;

import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.nca.NcaPlaybackJob;
import io.morphospark.jobs.nca.NcaSettings;
import io.morphospark.jobs.nca.NcaTrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code morphospark nca}: the growing neural CA (Mordvintsev et al., Distill 2020). */
@Command(name = "nca", mixinStandardHelpOptions = true,
        description = "Growing neural cellular automata: train one, grow it, damage it and watch it regenerate.",
        subcommands = {NcaCommand.Train.class, NcaCommand.Grow.class, NcaCommand.Regenerate.class})
final class NcaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Pool-based training by gradient (the seed recipe by default).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--target", defaultValue = "disc", description = "disc (the seed's) or an RGBA PNG.")
        String target;
        @Option(names = "--epochs", defaultValue = "500") int epochs;
        @Option(names = "--out", required = true, description = "Run directory to create.") Path out;
        @Option(names = "--regeneration", description = "Damage the batch's best samples (Distill's third experiment).")
        boolean regeneration;
        @Option(names = "--size", defaultValue = "0", description = "Grid side (default: the pattern's).") int size;
        @Option(names = "--disc-size", defaultValue = "64", description = "Side of the disc target.") int discSize;
        @Option(names = "--seed", defaultValue = "0") long seed;
        @Option(names = "--pool", defaultValue = "256") int pool;
        @Option(names = "--batch", defaultValue = "4") int batch;
        @Option(names = "--min-steps", defaultValue = "64") int minSteps;
        @Option(names = "--max-steps", defaultValue = "95") int maxSteps;
        @Option(names = "--lr", defaultValue = "2e-3") double lr;
        @Option(names = "--fire-rate", defaultValue = "0.5") double fireRate;
        @Option(names = "--engine", defaultValue = "auto",
                description = "auto (fused on CPU, SameDiff on GPU), fused, matmul or conv1x1 (SameDiff forms).") String engine;
        @Option(names = "--grow-steps", defaultValue = "200", description = "Growth shown after training.") int growSteps;
        @Option(names = "--stride", defaultValue = "20", description = "Frames every this many steps.") int stride;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            NcaSettings s = new NcaSettings();
            s.target = target;
            s.epochs = epochs;
            s.regeneration = regeneration;
            s.size = size;
            s.discSize = discSize;
            s.seed = seed;
            s.pool = pool;
            s.batch = batch;
            s.minSteps = minSteps;
            s.maxSteps = maxSteps;
            s.learningRate = lr;
            s.fireRate = fireRate;
            s.engine = engine;
            s.growSteps = growSteps;
            s.trajectoryStride = stride;
            s.validate();
            RunDirectory.requireAvailable(out);
            spark.withSession("morphospark-nca", session -> new NcaTrainJob(session, s, System.out).run(out));
            return ExitCodes.OK;
        }
    }

    /** Options grow and regenerate share. */
    static final class Playback {
        @Option(names = "--model", required = true, description = "A training run (or its model/ directory).") Path model;
        @Option(names = "--out", required = true, description = "Run directory to create.") Path out;
        @Option(names = "--fire-rate", defaultValue = "1.0", description = "1 = every cell updates (the seed's inference).")
        double fireRate;
        @Option(names = "--seed", defaultValue = "0", description = "Keys the fire masks when the fire rate is below 1.") long seed;
        @Option(names = "--stride", defaultValue = "20") int stride;
        @Option(names = "--engine", defaultValue = "auto", description = "auto, fused, matmul or conv1x1.") String engine;
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
        @Option(names = "--steps", defaultValue = "200") int steps;

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
        @Option(names = "--grow-steps", defaultValue = "100") int growSteps;
        @Option(names = "--regrow-steps", defaultValue = "100") int regrowSteps;
        @Option(names = "--damage-from", defaultValue = "20") int from;
        @Option(names = "--damage-to", defaultValue = "44") int to;

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
}
