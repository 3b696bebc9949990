package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import io.morphospark.models.patterns.sim.BernoulliFieldParams;
import io.morphospark.models.patterns.sim.BernoulliFieldSimulator;
import io.morphospark.models.patterns.sim.CellularPottsParams;
import io.morphospark.models.patterns.sim.CellularPottsSimulator;
import io.morphospark.models.patterns.sim.CyclicCaParams;
import io.morphospark.models.patterns.sim.CyclicCaSimulator;
import io.morphospark.models.patterns.sim.GameOfLifeParams;
import io.morphospark.models.patterns.sim.GameOfLifeSimulator;
import io.morphospark.models.patterns.sim.GrayScottParams;
import io.morphospark.models.patterns.sim.GrayScottSimulator;
import io.morphospark.models.patterns.sim.LifeBorder;
import io.morphospark.models.patterns.sim.Neighbourhood;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Draws labelled samples: each label is a region of one model's parameter space, and every sample
 * draws its parameters, start, run length, grid side, symmetry and noise level inside that region
 * from its own stream (seed, SIMULATION, label, sample, attempt). A sample is a pure function of
 * (seed, label, sample id, sides), whatever task or machine draws it.
 *
 * <p>Regions (Sims's discrete Gray–Scott; (F, k) from Pearson 1993 / Munafo's xmorphia map, as in
 * REFERENCE.md §5, narrowed to where 48–64 cell tori reliably give the pattern):
 * <ul>
 *   <li>random: Bernoulli fields, density U[0.2, 0.8];</li>
 *   <li>clustered: cellular Potts cell sorting, CompuCell3D cellsort energies, T U[8, 12],
 *       condensing fraction U[0.35, 0.6], 4000–6000 Monte Carlo steps;</li>
 *   <li>spotted: Gray–Scott F U[0.027, 0.031], k U[0.061, 0.0625] (Pearson's spot region), 3000–5000 steps;</li>
 *   <li>striped: Gray–Scott F U[0.027, 0.031], k U[0.0565, 0.058] (the maze/stripe band, F=0.029, k=0.057), 3000–5000 steps;</li>
 *   <li>spiral: cyclic CA, 9–11 states, threshold 1, von Neumann, 300–600 steps (smaller
 *       tori fixate with Griffeath's 14 states);</li>
 *   <li>life: Game of Life soups, density U[0.25, 0.45], torus, 200–1000 generations.</li>
 * </ul>
 * A drawn sample whose final frame is not a live pattern (uniform, or a spiral run without a
 * phase singularity) is redrawn with the next attempt, at most {@link #MAX_ATTEMPTS} times.
 */
public final class PatternGenerator implements Serializable {
    public static final int MAX_ATTEMPTS = 8;
    public static final double MAX_NOISE = 0.02;
    private static final long LABEL_DOMAIN = 0x5041545445524EL; // "PATTERN": keeps these keys apart from other SIMULATION uses

    private final long seed;
    private final int minSide;
    private final int maxSide;

    public PatternGenerator(long seed, int minSide, int maxSide) {
        if (minSide < 32) {
            throw new IllegalArgumentException("min-side must be at least 32 for the patterns to fit, got " + minSide);
        }
        if (maxSide < minSide) {
            throw new IllegalArgumentException("max-side must be at least min-side " + minSide + ", got " + maxSide);
        }
        this.seed = seed;
        this.minSide = minSide;
        this.maxSide = maxSide;
    }

    public PatternSample sample(PatternLabel label, long sampleId) {
        for (int attempt = 0; ; attempt++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SIMULATION, LABEL_DOMAIN, label.code, sampleId, attempt);
            int side = minSide + rng.nextInt(maxSide - minSide + 1);
            long runSeed = RandomStreams.key(seed, Purpose.SIMULATION, LABEL_DOMAIN, label.code, attempt);
            Drawn drawn = draw(label, rng, side, runSeed, sampleId);
            Frame last = drawn.run();
            if (attempt + 1 < MAX_ATTEMPTS && !alive(label, last)) {
                continue;
            }
            int symmetry = rng.nextInt(8);
            double noise = MAX_NOISE * rng.nextDouble();
            Frame observed = Observation.noise(Observation.transform(last, symmetry), noise, rng.split());
            return new PatternSample(label, sampleId, drawn.params, drawn.spec, attempt, symmetry, noise, observed,
                    PatternMetrics.of(observed));
        }
    }

    private record Drawn(Record params, RunSpec spec, PatternSimulator<Record> simulator) {
        Frame run() {
            return simulator.run(params, spec);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Drawn drawn(P params, RunSpec spec, PatternSimulator<P> simulator) {
        return new Drawn(params, spec, (PatternSimulator<Record>) (PatternSimulator<?>) simulator);
    }

    private static Drawn draw(PatternLabel label, SplittableRandom rng, int side, long runSeed, long sampleId) {
        return switch (label) {
            case RANDOM -> drawn(new BernoulliFieldParams(uniform(rng, 0.2, 0.8)),
                    RunSpec.of(side, 0, runSeed, sampleId), new BernoulliFieldSimulator());
            case CLUSTERED -> drawn(CellularPottsParams.compuCell3dCellSort()
                            .withTemperature(uniform(rng, 8, 12))
                            .withCondensingFraction(uniform(rng, 0.35, 0.6)),
                    RunSpec.of(side, between(rng, 4000, 6000), runSeed, sampleId), new CellularPottsSimulator());
            case SPOTTED -> drawn(grayScott(rng, side, uniform(rng, 0.027, 0.031), uniform(rng, 0.061, 0.0625)),
                    RunSpec.of(side, between(rng, 3000, 5000), runSeed, sampleId), new GrayScottSimulator());
            case STRIPED -> drawn(grayScott(rng, side, uniform(rng, 0.027, 0.031), uniform(rng, 0.0565, 0.058)),
                    RunSpec.of(side, between(rng, 3000, 5000), runSeed, sampleId), new GrayScottSimulator());
            case SPIRAL -> drawn(new CyclicCaParams(between(rng, 9, 11), 1, Neighbourhood.VON_NEUMANN),
                    RunSpec.of(side, between(rng, 300, 600), runSeed, sampleId), new CyclicCaSimulator());
            case LIFE -> drawn(new GameOfLifeParams(uniform(rng, 0.25, 0.45), LifeBorder.TORUS),
                    RunSpec.of(side, between(rng, 200, 1000), runSeed, sampleId), new GameOfLifeSimulator());
        };
    }

    /** Sims's diffusion; a start of random (0.5, 0.25) patches, about one per 100–200 cells. */
    private static GrayScottParams grayScott(SplittableRandom rng, int side, double feed, double kill) {
        int patches = Math.max(4, side * side / between(rng, 100, 200));
        return new GrayScottParams(feed, kill, 1.0, 0.5, 1.0, patches, between(rng, 3, 5), uniform(rng, 0, 0.05));
    }

    static boolean alive(PatternLabel label, Frame f) {
        PatternMetrics m = PatternMetrics.of(f);
        boolean varied = m.mass() > 0.02 && m.mass() < 0.98;
        return label == PatternLabel.SPIRAL ? varied && m.phaseSingularities() > 0 : varied;
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static int between(SplittableRandom rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }
}
