package io.morphospark.models.nca.advection;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * The random part of one step for a batch: which cells fire (probability {@code fireRate}) and
 * the velocity noise, per sample from the stream (seed, SIMULATION, ADVECTION, run, step, sample),
 * so a run replays exactly and the backward pass redraws what the forward pass drew.
 *
 * @param fire  per sample, 1 or 0 per cell
 * @param noise per sample, (x, y) per cell, or null when there is no noise
 */
public record StepDraws(double[][] fire, double[][] noise) {
    private static final long ADVECTION = 0xAD;

    public static StepDraws draw(long seed, long run, int step, int batch, int cells, double fireRate, double noiseScale) {
        double[][] fire = new double[batch][cells];
        double[][] noise = noiseScale > 0 ? new double[batch][2 * cells] : null;
        for (int b = 0; b < batch; b++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SIMULATION, ADVECTION, run, step, b);
            for (int i = 0; i < cells; i++) {
                fire[b][i] = fireRate >= 1 || rng.nextDouble() < fireRate ? 1 : 0;
            }
            if (noise != null) {
                for (int i = 0; i < 2 * cells; i++) {
                    noise[b][i] = noiseScale * rng.nextGaussian();
                }
            }
        }
        return new StepDraws(fire, noise);
    }

    /** Noise of sample b, cell i, axis 0 (x) or 1 (y). */
    double noise(int b, int i, int axis) {
        return noise == null ? 0 : noise[b][2 * i + axis];
    }
}
