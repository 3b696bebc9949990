package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.ParamSpec;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.sim.AgentPatternParams;
import io.morphospark.models.patterns.sim.AgentPatternSimulator;
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
import io.morphospark.models.patterns.sim.LateralInhibitionFieldParams;
import io.morphospark.models.patterns.sim.LateralInhibitionFieldSimulator;
import io.morphospark.models.patterns.sim.LifeBorder;
import io.morphospark.models.patterns.sim.Neighbourhood;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A label as a region of one family's parameter space: the family, the default range of each
 * named parameter ({@code steps} included), and how concrete values become a simulator run.
 *
 * <p>Default regions (Sims's discrete Gray–Scott; (F, k) from Pearson 1993 / Munafo's xmorphia
 * map, as in REFERENCE.md §5, narrowed to where 40–64 cell tori reliably give the pattern):
 * random: Bernoulli density [0.3, 0.7] (sparser noise resembles Game of Life ash); clustered: cellular Potts cell sorting (CompuCell3D
 * cellsort energies), temperature [8, 12], condensing fraction [0.35, 0.6], 4000–6000 Monte Carlo
 * steps; spotted: F [0.027, 0.031], k [0.061, 0.0625]; striped: F [0.027, 0.031], k [0.0565, 0.058],
 * both 3000–5000 steps; spiral: cyclic CA with 9–11 states, threshold 1, von Neumann, 300–600
 * steps; life: soups of density [0.25, 0.45], 200–1000 generations on a torus; alternating: the
 * lateral-inhibition network on a torus, f = tanh(−α(s̄ − θ)), α [4, 8], θ [0.45, 0.55], σ [0.05,
 * 0.15], dt 0.01, 800–1200 steps.
 */
public enum LabelRegion {
    RANDOM(PatternLabel.RANDOM, "bernoulli", param(BernoulliFieldParams.DENSITY, 0.3, 0.7)),
    CLUSTERED(PatternLabel.CLUSTERED, "cellular-potts", param(CellularPottsParams.TEMPERATURE, 8, 12),
            param(CellularPottsParams.CONDENSING_FRACTION, 0.35, 0.6), param(RunSpec.STEPS, 4000, 6000)),
    SPOTTED(PatternLabel.SPOTTED, "gray-scott", param(GrayScottParams.FEED, 0.027, 0.031),
            param(GrayScottParams.KILL, 0.061, 0.0625), param(RunSpec.STEPS, 3000, 5000)),
    STRIPED(PatternLabel.STRIPED, "gray-scott", param(GrayScottParams.FEED, 0.027, 0.031),
            param(GrayScottParams.KILL, 0.0565, 0.058), param(RunSpec.STEPS, 3000, 5000)),
    SPIRAL(PatternLabel.SPIRAL, "cyclic-ca", param(CyclicCaParams.STATES, 9, 11), param(RunSpec.STEPS, 300, 600)),
    LIFE(PatternLabel.LIFE, "life", param(GameOfLifeParams.DENSITY, 0.25, 0.45), param(RunSpec.STEPS, 200, 1000)),
    ALTERNATING(PatternLabel.ALTERNATING, "lateral-inhibition", param(LateralInhibitionFieldParams.ALPHA, 4, 8),
            param(LateralInhibitionFieldParams.THETA, 0.45, 0.55), param(LateralInhibitionFieldParams.NOISE, 0.05, 0.15),
            param(RunSpec.STEPS, 800, 1200)),
    // The cell-agent family (docs/AGENTS.md, "Agent families in generate"): one interaction radius per pixel.
    AGENTS_RANDOM(PatternLabel.RANDOM, AgentRegions.FAMILY, param(AgentPatternParams.AGENTS_PER_PIXEL, 0.5, 0.9),
            param(AgentPatternParams.SPEED, 0.2, 0.5), param(RunSpec.STEPS, 40, 80)),
    AGENTS_CLUSTERED(PatternLabel.CLUSTERED, AgentRegions.FAMILY, param(AgentPatternParams.DECAY, 0.003, 0.008),
            param(AgentPatternParams.NOISE, 0.1, 0.3), param(RunSpec.STEPS, 500, 700)),
    AGENTS_SPOTTED(PatternLabel.SPOTTED, AgentRegions.FAMILY, param(AgentPatternParams.DECAY, 0.03, 0.08),
            param(AgentPatternParams.NOISE, 0.1, 0.3), param(RunSpec.STEPS, 250, 350)),
    AGENTS_STRIPED(PatternLabel.STRIPED, AgentRegions.FAMILY, param(AgentPatternParams.DECAY, 0.03, 0.08),
            param(AgentPatternParams.ANISOTROPY, 0.98, 1), param(RunSpec.STEPS, 250, 350)),
    AGENTS_SPIRAL(PatternLabel.SPIRAL, AgentRegions.FAMILY, param(AgentPatternParams.CHIRALITY, 0.5, 1),
            param(AgentPatternParams.NOISE, 0.02, 0.1), param(RunSpec.STEPS, 250, 350));

    /** A parameter a sweep may vary: its valid values (declared by the model) and this label's default range. */
    public record Param(ParamSpec spec, double lo, double hi) {
    }

    private final PatternLabel label;
    private final String family;
    private final Map<String, Param> params;

    LabelRegion(PatternLabel label, String family, Param... params) {
        this.label = label;
        this.family = family;
        Map<String, Param> m = new LinkedHashMap<>();
        for (Param p : params) {
            m.put(p.spec().name(), p);
        }
        this.params = Collections.unmodifiableMap(m);
    }

    /** The label's default region (its first family). */
    public static LabelRegion of(PatternLabel label) {
        return valueOf(label.name());
    }

    /** The region of {@code label} in {@code family}. */
    public static LabelRegion of(PatternLabel label, String family) {
        for (LabelRegion r : values()) {
            if (r.label == label && r.family.equals(family)) {
                return r;
            }
        }
        throw new IllegalArgumentException("family " + family + " makes no " + label.id() + " patterns");
    }

    public PatternLabel label() {
        return label;
    }

    public String family() {
        return family;
    }

    /** Parameter name → {lo, hi}, in a fixed order. */
    public Map<String, double[]> defaults() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        params.forEach((k, p) -> copy.put(k, new double[] {p.lo(), p.hi()}));
        return copy;
    }

    /** Parameter name → its valid values, the same declarations the models' constructors check. */
    public Map<String, ParamSpec> parameters() {
        Map<String, ParamSpec> m = new LinkedHashMap<>();
        params.forEach((k, p) -> m.put(k, p.spec()));
        return m;
    }

    /** Whether the label's model has dynamics (a steps parameter); one without has a single frame. */
    public boolean dynamic() {
        return params.containsKey(RunSpec.STEPS.name());
    }

    /** Values drawn uniformly inside the default region from {@code rng}. */
    Map<String, Double> drawDefaults(SplittableRandom rng) {
        Map<String, Double> v = new LinkedHashMap<>();
        params.forEach((name, p) -> v.put(name, p.lo() + (p.hi() - p.lo()) * rng.nextDouble()));
        return v;
    }

    /** Steps of a run with these values (0 for models without dynamics). */
    int steps(Map<String, Double> values) {
        try {
            return dynamic() ? whole(values, RunSpec.STEPS) : 0;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label.id() + ": " + e.getMessage(), e);
        }
    }

    /** A run for these values; {@code rng} draws the start details that are not parameters. */
    Drawn build(Map<String, Double> values, SplittableRandom rng, RunSpec spec) {
        try {
            return switch (this) {
                case RANDOM -> Drawn.of(new BernoulliFieldParams(value(values, BernoulliFieldParams.DENSITY)), spec,
                        new BernoulliFieldSimulator());
                case CLUSTERED -> Drawn.of(CellularPottsParams.compuCell3dCellSort()
                                .withTemperature(value(values, CellularPottsParams.TEMPERATURE))
                                .withCondensingFraction(value(values, CellularPottsParams.CONDENSING_FRACTION)),
                        spec, new CellularPottsSimulator());
                case SPOTTED, STRIPED -> Drawn.of(grayScott(rng, spec.width(), value(values, GrayScottParams.FEED),
                        value(values, GrayScottParams.KILL)), spec, new GrayScottSimulator());
                case SPIRAL -> Drawn.of(new CyclicCaParams(whole(values, CyclicCaParams.STATES), 1, Neighbourhood.VON_NEUMANN),
                        spec, new CyclicCaSimulator());
                case LIFE -> Drawn.of(new GameOfLifeParams(value(values, GameOfLifeParams.DENSITY), LifeBorder.TORUS), spec,
                        new GameOfLifeSimulator());
                case ALTERNATING -> Drawn.of(new LateralInhibitionFieldParams(value(values, LateralInhibitionFieldParams.ALPHA),
                        value(values, LateralInhibitionFieldParams.THETA), value(values, LateralInhibitionFieldParams.NOISE), 0.01),
                        spec, new LateralInhibitionFieldSimulator());
                case AGENTS_RANDOM, AGENTS_CLUSTERED, AGENTS_SPOTTED, AGENTS_STRIPED, AGENTS_SPIRAL ->
                        Drawn.of(AgentRegions.params(label, p -> value(values, p)), spec, new AgentPatternSimulator());
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label.id() + ": " + e.getMessage(), e);
        }
    }

    private double value(Map<String, Double> values, ParamSpec parameter) {
        Double v = values.get(parameter.name());
        if (v == null) {
            throw new IllegalArgumentException("no value for parameter '" + parameter.name() + "'");
        }
        return parameter.resolve(v);
    }

    /** A whole-number parameter: the sweep's draw rounded (halves up) and checked, as the validator assumes. */
    private int whole(Map<String, Double> values, ParamSpec parameter) {
        return (int) value(values, parameter);
    }

    /** Sims's diffusion; a start of random (0.5, 0.25) patches, about one per 100–200 cells. */
    private static GrayScottParams grayScott(SplittableRandom rng, int side, double feed, double kill) {
        int patches = Math.max(4, side * side / (100 + rng.nextInt(101)));
        return new GrayScottParams(feed, kill, 1.0, 0.5, 1.0, patches, 3 + rng.nextInt(3), 0.05 * rng.nextDouble());
    }

    private static Param param(ParamSpec spec, double lo, double hi) {
        return new Param(spec, lo, hi);
    }

    /** Model parameters, run and simulator of one attempt. */
    record Drawn(Record params, RunSpec spec, PatternSimulator<Record> simulator) {
        @SuppressWarnings("unchecked")
        static <P extends Record> Drawn of(P params, RunSpec spec, PatternSimulator<P> simulator) {
            return new Drawn(params, spec, (PatternSimulator<Record>) (PatternSimulator<?>) simulator);
        }
    }
}
