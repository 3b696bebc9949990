package io.morphospark.jobs.nca;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.morphospark.datasets.BadInputException;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.Target;
import io.morphospark.models.nca.TrainingRecipe;

import java.nio.file.Path;

/** Everything that shapes an {@code nca train} run (what run.json records and hashes). */
public final class NcaSettings {
    /** "disc" or the path of an RGBA image. */
    public String target = "disc";
    /** Grid side; 0 = the pattern's own size. */
    public int size = 0;
    /** Side of the disc pattern. */
    public int discSize = 64;
    public int epochs = 500;
    public long seed = 0;
    public int pool = TrainingRecipe.SEED.poolSize();
    public int batch = TrainingRecipe.SEED.batch();
    public int minSteps = TrainingRecipe.SEED.minSteps();
    public int maxSteps = TrainingRecipe.SEED.maxSteps();
    public double learningRate = TrainingRecipe.SEED.learningRate();
    public double clipNorm = TrainingRecipe.SEED.clipNorm();
    /** clip (the seed) or normalise (Distill): see TrainingRecipe.GradientMode. */
    public String gradient = "clip";
    public int lrDropEpoch = TrainingRecipe.SEED.lrDropEpoch();
    public double fireRate = TrainingRecipe.SEED.fireRate();
    public boolean regeneration = false;
    /** The seed cell: alpha (the seed notebook's, the default) or alpha-hidden (Distill's). */
    public String seedCell = NcaConfig.SEED.seedCell().label();
    public int damaged = TrainingRecipe.SEED.damaged();
    /** before (Distill, the default: it grew from the seed more reliably at 64²) or after (the seed notebook). */
    public String reseed = "before";
    /** auto (fused on CPU, SameDiff on GPU), fused, matmul or conv1x1: see NcaEngine. */
    public String engine = NcaEngine.Kind.AUTO.name().toLowerCase(java.util.Locale.ROOT);
    /** Every this many epochs, grow from the seed for {@code validationSteps} and score it (0 = never). */
    public int validateEvery = 25;
    public int validationSteps = 400;
    /** Growths averaged per validation below fire rate 1 (their fire masks differ). */
    public int validationGrowths = 4;
    /** Steps of the growth film strip and trajectory after training, every {@code trajectoryStride}. */
    public int growSteps = 200;
    public int trajectoryStride = 20;
    /**
     * Checkpoint every this many epochs (and after the last). Not part of the configuration: it
     * changes no result, so a run may be resumed with another interval. 20 epochs of the default
     * run take about 40 s (docs/BENCHMARKS.md: median 1.8 s per epoch).
     */
    @JsonIgnore
    public int checkpointEvery = 20;

    /** The settings a run (finished or interrupted) was started with. */
    public static NcaSettings ofRun(Path run) {
        return TrainingRun.settingsOf(run, NcaTrainJob.JOB, NcaSettings.class);
    }

    /** All checks that need no work done; BadInputException names the problem. */
    public void validate() {
        if (epochs < 1) {
            throw new BadInputException("epochs must be at least 1, got " + epochs);
        }
        if (validateEvery < 0 || validationSteps < 1 || validationGrowths < 1) {
            throw new BadInputException("validation interval must be >= 0, validation steps and growths >= 1, got "
                    + validateEvery + ", " + validationSteps + " and " + validationGrowths);
        }
        if (growSteps < 0 || trajectoryStride < 1) {
            throw new BadInputException("grow steps must be >= 0 and the trajectory stride >= 1");
        }
        if (checkpointEvery < 1) {
            throw new BadInputException("checkpoint interval must be at least 1 epoch, got " + checkpointEvery);
        }
        if (regeneration && batch <= damaged) {
            throw new BadInputException("--regeneration damages the batch's " + damaged + " best sample(s) and turns its "
                    + "worst into a seed, so it needs --batch of at least " + (damaged + 1) + ", got " + batch);
        }
        try {
            recipe();
            engine();
            config();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        loadTarget();
    }

    public TrainingRecipe recipe() {
        return new TrainingRecipe(pool, batch, minSteps, maxSteps, learningRate, clipNorm,
                TrainingRecipe.GradientMode.parse(gradient), lrDropEpoch, fireRate, regeneration, damaged,
                TrainingRecipe.Reseed.parse(reseed));
    }

    /** The seed's model shape with the chosen seed cell. */
    public NcaConfig config() {
        return NcaConfig.SEED.withSeedCell(NcaConfig.SeedCell.parse(seedCell));
    }

    public NcaEngine.Kind engine() {
        try {
            return NcaEngine.Kind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** The target on the training grid. */
    public Target loadTarget() {
        try {
            Target pattern = "disc".equals(target) ? Target.disc(discSize) : Target.image(Path.of(target));
            int side = size == 0 ? Math.max(pattern.height(), pattern.width()) : size;
            if (side < 1) {
                throw new IllegalArgumentException("grid size must be positive, got " + size);
            }
            return pattern.placedIn(side, side);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
