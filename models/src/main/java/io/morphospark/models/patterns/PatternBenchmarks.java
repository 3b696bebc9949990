package io.morphospark.models.patterns;

import io.morphospark.models.patterns.sim.BitPackedLife;
import io.morphospark.models.patterns.sim.GrayScottParams;
import io.morphospark.models.patterns.sim.GrayScottSimulator;
import io.morphospark.models.patterns.sim.LifeBorder;

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
        GrayScottSimulator sim = new GrayScottSimulator();
        GrayScottParams p = GrayScottParams.sims(0.029, 0.057);
        int steps = 50;
        RunSpec spec = RunSpec.of(GRAY_SCOTT_SIDE, steps, 1, 0);
        return measure(seconds, (long) GRAY_SCOTT_SIDE * GRAY_SCOTT_SIDE, () -> sim.run(p, spec), steps);
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
