package io.morphospark.models.nca.advection;

/**
 * optax's warmup_cosine_decay_schedule as the seed configures it: linear from 0.1·peak to peak
 * over {@code warmup} steps, then a cosine from peak down to 0.01·peak at step {@code decay}
 * (counted from 0, warm-up included), constant after.
 */
public record WarmupCosineSchedule(double peak, int warmup, int decay) {
    public WarmupCosineSchedule {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + peak);
        }
        if (warmup < 0 || decay < warmup) {
            throw new IllegalArgumentException("schedule needs 0 <= warm-up <= decay, got " + warmup + ", " + decay);
        }
    }

    public double at(int step) {
        double start = 0.1 * peak;
        double end = 0.01 * peak;
        if (step < warmup) {
            return start + (peak - start) * step / warmup;
        }
        if (decay == warmup) {
            return end;
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (decay - warmup));
        return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
