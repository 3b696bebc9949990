package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.FrameSchedule;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws labelled samples. Each label is a region of one model's parameter space
 * ({@link LabelRegion}); a sample's parameter values come from the caller (a sweep's sampling
 * plan) or, by default, uniformly from the region. Its start, grid side, symmetry and noise level
 * are drawn from its own stream (seed, SIMULATION, label, sample, attempt): a sample is a pure
 * function of (seed, label, sample id, values, sides), whatever task or machine draws it.
 *
 * <p>A drawn sample whose final frame is not a live pattern (uniform, or a spiral run without a
 * phase singularity) is redrawn with the next attempt (same values, new start), at most
 * {@link #MAX_ATTEMPTS} times. Every observed frame, the trajectory's and the final one, gets the
 * same symmetry and its own noise stream keyed by its step.
 */
public final class PatternGenerator implements Serializable {
    public static final int MAX_ATTEMPTS = 8;
    public static final double MAX_NOISE = 0.02;
    private static final long LABEL_DOMAIN = 0x5041545445524EL; // "PATTERN": keeps these keys apart from other SIMULATION uses
    private static final long OBSERVATION = 0x4F4253L;

    private final long seed;
    private final int minSide;
    private final int maxSide;
    private final boolean symmetries;
    private final double maxNoise;

    public PatternGenerator(long seed, int minSide, int maxSide) {
        this(seed, minSide, maxSide, true, MAX_NOISE);
    }

    public PatternGenerator(long seed, int minSide, int maxSide, boolean symmetries, double maxNoise) {
        if (minSide < 32) {
            throw new IllegalArgumentException("min-side must be at least 32 for the patterns to fit, got " + minSide);
        }
        if (maxSide < minSide) {
            throw new IllegalArgumentException("max-side must be at least min-side " + minSide + ", got " + maxSide);
        }
        if (!(maxNoise >= 0 && maxNoise <= 1)) {
            throw new IllegalArgumentException("max-noise must lie in [0, 1], got " + maxNoise);
        }
        this.seed = seed;
        this.minSide = minSide;
        this.maxSide = maxSide;
        this.symmetries = symmetries;
        this.maxNoise = maxNoise;
    }

    /** A sample of the label's default region, final frame only. */
    public PatternSample sample(PatternLabel label, long sampleId) {
        return sample(label, sampleId, null, 1, FrameSink.NONE);
    }

    /**
     * A sample with the given parameter values ({@code null}: drawn in the default region), handing
     * {@code sink} {@code frames} observed frames evenly spaced over the run, first and last included
     * (a model without dynamics has one frame).
     */
    public PatternSample sample(PatternLabel label, long sampleId, Map<String, Double> values, int frames, FrameSink sink) {
        return sample(label, sampleId, values, FrameSchedule.evenly(frames), sink);
    }

    /**
     * A sample with the given parameter values ({@code null}: drawn in the default region), handing
     * {@code sink} the observed frames of the steps {@code frames} names (a model without dynamics
     * has one frame). A schedule the run cannot keep (more evenly spaced frames than steps + 1) is
     * refused with an exception naming the label.
     */
    public PatternSample sample(PatternLabel label, long sampleId, Map<String, Double> values, FrameSchedule frames,
                                FrameSink sink) {
        return sample(LabelRegion.of(label), sampleId, values, frames, sink);
    }

    /** As above, in a given family's region of the label (a label may be made by several families). */
    public PatternSample sample(LabelRegion region, long sampleId, Map<String, Double> values, FrameSchedule frames,
                                FrameSink sink) {
        PatternLabel label = region.label();
        FrameSchedule schedule = region.dynamic() ? frames : FrameSchedule.evenly(1);
        for (int attempt = 0; ; attempt++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SIMULATION, LABEL_DOMAIN, label.code, sampleId, attempt);
            int side = minSide + rng.nextInt(maxSide - minSide + 1);
            Map<String, Double> v = values != null ? values : region.drawDefaults(rng);
            int steps = region.steps(v);
            long runSeed = RandomStreams.key(seed, Purpose.SIMULATION, LABEL_DOMAIN, label.code, attempt);
            RunSpec spec;
            try {
                spec = new RunSpec(side, side, steps, schedule, runSeed, sampleId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label.id() + ": " + e.getMessage(), e);
            }
            LabelRegion.Drawn drawn = region.build(v, rng, spec);
            List<Recorded> recorded = new ArrayList<>();
            Frame last = drawn.simulator().run(drawn.params(), spec, (step, f) -> recorded.add(new Recorded(step, f)));
            if (attempt + 1 < MAX_ATTEMPTS && !alive(label, last)) {
                continue;
            }
            int symmetry = symmetries ? rng.nextInt(8) : 0;
            double noise = maxNoise * rng.nextDouble();
            long key = RandomStreams.key(seed, Purpose.SIMULATION, LABEL_DOMAIN, label.code, sampleId, attempt, OBSERVATION);
            for (Recorded r : recorded) {
                sink.frame(r.step(), observe(r.frame(), symmetry, noise, key, r.step()));
            }
            Frame observed = observe(last, symmetry, noise, key, steps);
            return new PatternSample(label, sampleId, drawn.params(), spec, attempt, symmetry, noise, observed,
                    PatternMetrics.of(observed), Map.copyOf(v));
        }
    }

    private record Recorded(int step, Frame frame) {
    }

    private static Frame observe(Frame f, int symmetry, double noise, long key, int step) {
        return Observation.noise(Observation.transform(f, symmetry), noise, new SplittableRandom(RandomStreams.key(key,
                Purpose.SIMULATION, step)));
    }

    static boolean alive(PatternLabel label, Frame f) {
        PatternMetrics m = PatternMetrics.of(f);
        boolean varied = m.mass() > 0.02 && m.mass() < 0.98;
        return label == PatternLabel.SPIRAL ? varied && m.phaseSingularities() > 0 : varied;
    }
}
