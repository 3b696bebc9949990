package io.morphospark.jobs.nca.advection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.morphospark.datasets.BadInputException;
import io.morphospark.jobs.nca.TrainingRun;
import io.morphospark.models.nca.advection.AdvectionRecipe;
import io.morphospark.models.nca.advection.Architecture;
import io.morphospark.models.nca.advection.Arena;
import io.morphospark.models.nca.advection.TransportSettings;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything that shapes an {@code nca train-advection} run (what run.json records and hashes).
 * Defaults are the seed's (grid 128, mass 200, 64 steps, batch 8 × 4, …) except the iteration
 * count, which is the caller's budget.
 */
public final class AdvectionSettings {
    public int grid = Arena.SEED.height();
    public double mass = Arena.SEED.mass();
    public double density = Arena.SEED.density();
    public double maxRotation = Arena.SEED.maxRotationDegrees();
    public int iterations = 2000;
    public long seed = 0;
    public int pool = AdvectionRecipe.SEED.poolSize();
    public int batch = AdvectionRecipe.SEED.batch();
    public int accumulation = AdvectionRecipe.SEED.accumulation();
    public int steps = AdvectionRecipe.SEED.steps();
    public double learningRate = AdvectionRecipe.SEED.learningRate();
    public int warmup = AdvectionRecipe.SEED.warmup();
    public int decay = AdvectionRecipe.SEED.decay();
    public double clipNorm = AdvectionRecipe.SEED.clipNorm();
    public double fireRate = AdvectionRecipe.SEED.fireRate();
    public double velocityWeight = AdvectionRecipe.SEED.velocityWeight();
    /** Samples per batch replaced by fresh starting states after write-back (0 in the seed). */
    public int refresh = AdvectionRecipe.SEED.refresh();
    public double dt = TransportSettings.SEED.dt();
    public int subSteps = TransportSettings.SEED.subSteps();
    public double diffusion = TransportSettings.SEED.diffusionRate();
    /** Density a cell may reach by inflow; 0 = no capacity limit. */
    public double capacity = TransportSettings.SEED.capacity();
    public double velocityNoise = TransportSettings.SEED.velocityNoise();
    public int hidden1 = Architecture.SEED.hidden1();
    public int hidden2 = Architecture.SEED.hidden2();
    /** float (fast) or double. */
    public String precision = "float";
    /** Frames of the film strip after training, every this many steps. */
    public int filmStride = 8;
    /**
     * Checkpoint every this many iterations (and after the last). Not part of the configuration: it
     * changes no result. One iteration of the default run takes minutes (docs/BENCHMARKS.md).
     */
    @JsonIgnore
    public int checkpointEvery = 1;

    /** The settings a run (finished or interrupted) was started with. */
    public static AdvectionSettings ofRun(java.nio.file.Path run) {
        return TrainingRun.settingsOf(run, AdvectionTrainJob.JOB, AdvectionSettings.class);
    }

    /** All checks that need no work done; BadInputException names the problem. */
    public void validate() {
        if (iterations < 1) {
            throw new BadInputException("iterations must be at least 1, got " + iterations);
        }
        if (filmStride < 1) {
            throw new BadInputException("film stride must be at least 1, got " + filmStride);
        }
        if (checkpointEvery < 1) {
            throw new BadInputException("checkpoint interval must be at least 1 iteration, got " + checkpointEvery);
        }
        badInput(() -> {
            arena();
            recipe();
            transport();
            architecture();
            dataType();
        });
    }

    public Arena arena() {
        return badInput(() -> new Arena(grid, grid, mass, density, maxRotation));
    }

    public AdvectionRecipe recipe() {
        return badInput(() -> new AdvectionRecipe(pool, batch, accumulation, steps, learningRate, warmup, decay, clipNorm,
                fireRate, velocityWeight, refresh));
    }

    public TransportSettings transport() {
        if (capacity < 0) {
            throw new BadInputException("capacity must be >= 0 (0: no limit), got " + capacity);
        }
        return badInput(() -> new TransportSettings(dt, subSteps, diffusion, capacity == 0 ? Double.POSITIVE_INFINITY : capacity,
                velocityNoise));
    }

    public Architecture architecture() {
        return badInput(() -> new Architecture(hidden1, hidden2));
    }

    public DataType dataType() {
        return switch (precision.toLowerCase(java.util.Locale.ROOT)) {
            case "float" -> DataType.FLOAT;
            case "double" -> DataType.DOUBLE;
            default -> throw new BadInputException("unknown precision '" + precision + "' (float or double)");
        };
    }

    /** Runs {@code check}, turning the models' IllegalArgumentException into a one-line bad-input error. */
    static <T> T badInput(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static void badInput(Runnable check) {
        badInput(() -> {
            check.run();
            return null;
        });
    }
}
