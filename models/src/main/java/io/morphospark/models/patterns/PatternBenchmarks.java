package io.morphospark.models.patterns;

import io.morphospark.models.patterns.labels.LabelRegion;
import io.morphospark.models.patterns.labels.PatternGenerator;
import io.morphospark.models.patterns.labels.PatternLabel;
import io.morphospark.models.patterns.sim.BitPackedLife;
import io.morphospark.models.patterns.sim.CellularPottsParams;
import io.morphospark.models.patterns.sim.CellularPottsSimulator;
import io.morphospark.models.patterns.sim.GrayScottParams;
import io.morphospark.models.patterns.sim.GrayScottSimulator;
import io.morphospark.models.patterns.sim.LifeBorder;
import io.morphospark.models.patterns.sim.ReferenceCellularPotts;
import io.morphospark.models.patterns.sim.ReferenceGrayScott;

import java.util.SplittableRandom;

/**
 * Single-thread throughput of the pattern engines, in cell-updates per second, for a later
 * {@code bench} command. Each measurement warms up for a quarter of its time (so C2 has compiled
 * the inner loops) and then counts whole generations until the time is spent.
 */
public final class PatternBenchmarks {
    /** 512² Game of Life: 32 KiB of words, in L1/L2 like a realistic tile. */
    public static final int LIFE_SIDE = 512;
    /** 256² Gray–Scott: four float planes of 260², in L2. */
    public static final int GRAY_SCOTT_SIDE = 256;
    /** The seed dataset's grid side and frames per sample (specs/seed-5-class.yaml). */
    public static final int DATASET_SIDE = 64;
    public static final int DATASET_FRAMES = 20;

    private PatternBenchmarks() {
    }

    public static double gameOfLife(double seconds) {
        byte[] soup = new byte[LIFE_SIDE * LIFE_SIDE];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < soup.length; i++) {
            soup[i] = (byte) (rng.nextDouble() < 0.35 ? 1 : 0);
        }
        BitPackedLife life = BitPackedLife.of(soup, LIFE_SIDE, LIFE_SIDE, LifeBorder.TORUS);
        return measure(seconds, (long) LIFE_SIDE * LIFE_SIDE, () -> life.step(16), 16);
    }

    public static double grayScott(double seconds) {
        return grayScott(seconds, GRAY_SCOTT_SIDE, Kernel.FAST);
    }

    /** Which implementation of a simulator to measure: the dataset's kernel or the original scalar one it replaced. */
    public enum Kernel {
        /** The kernels the simulators run (vectorised Gray–Scott, table-driven Cellular Potts). */
        FAST,
        /** {@link ReferenceGrayScott}, {@link ReferenceCellularPotts}: bit-identical, slower. */
        REFERENCE
    }

    /** Gray–Scott cell-updates per second on a side² torus (stripes regime, from the usual start). */
    public static double grayScott(double seconds, int side, Kernel kernel) {
        GrayScottParams p = GrayScottParams.sims(0.029, 0.057);
        int steps = 50;
        RunSpec spec = RunSpec.of(side, steps, 1, 0);
        PatternSimulator<GrayScottParams> sim = kernel == Kernel.FAST ? new GrayScottSimulator() : new ReferenceGrayScott();
        return measure(seconds, (long) side * side, () -> sim.run(p, spec), steps);
    }

    /**
     * Cellular Potts copy attempts per second on a side² torus (CompuCell3D's cell-sorting energies),
     * each batch 20 Monte Carlo steps from a fresh tiling, as a dataset sample starts.
     */
    public static double cellularPotts(double seconds, int side, Kernel kernel) {
        CellularPottsParams p = CellularPottsParams.compuCell3dCellSort();
        int steps = 20;
        RunSpec spec = RunSpec.of(side, steps, 1, 0);
        PatternSimulator<CellularPottsParams> sim = kernel == Kernel.FAST ? new CellularPottsSimulator()
                : new ReferenceCellularPotts();
        return measure(seconds, (long) side * side, () -> sim.run(p, spec), steps);
    }

    /** Samples per second and attempts per sample of one label, as the dataset generator makes them. */
    public record SampleRate(PatternLabel label, int samples, double perSecond, double attemptsPerSample) {
    }

    /**
     * Whole dataset-like samples of a label's default region on one thread: the seed dataset's
     * 64² grid, 20 recorded frames, symmetries and noise, rejected attempts re-simulated, metrics
     * computed; sample ids 1..{@code samples} after one unmeasured warm-up sample (id 0).
     */
    public static SampleRate samples(PatternLabel label, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        PatternGenerator generator = new PatternGenerator(2026, DATASET_SIDE, DATASET_SIDE);
        LabelRegion region = LabelRegion.of(label);
        FrameSchedule frames = FrameSchedule.evenly(DATASET_FRAMES);
        generator.sample(region, 0, null, frames, FrameSink.NONE);
        long attempts = 0;
        long start = System.nanoTime();
        for (long id = 1; id <= samples; id++) {
            attempts += generator.sample(region, id, null, frames, FrameSink.NONE).attempt() + 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SampleRate(label, samples, samples / seconds, (double) attempts / samples);
    }

    private static double measure(double seconds, long cells, Runnable batch, int generationsPerBatch) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be positive, got " + seconds);
        }
        long warmUpEnd = System.nanoTime() + (long) (seconds * 0.25e9);
        while (System.nanoTime() < warmUpEnd) {
            batch.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long generations = 0;
        long now;
        do {
            batch.run();
            generations += generationsPerBatch;
            now = System.nanoTime();
        } while (now < end);
        return generations * (double) cells / ((now - start) / 1e9);
    }
}
