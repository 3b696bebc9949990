package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
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
    RANDOM(PatternLabel.RANDOM, "bernoulli", ranges("density", 0.3, 0.7)),
    CLUSTERED(PatternLabel.CLUSTERED, "cellular-potts",
            ranges("temperature", 8, 12, "condensing_fraction", 0.35, 0.6, "steps", 4000, 6000)),
    SPOTTED(PatternLabel.SPOTTED, "gray-scott", ranges("feed", 0.027, 0.031, "kill", 0.061, 0.0625, "steps", 3000, 5000)),
    STRIPED(PatternLabel.STRIPED, "gray-scott", ranges("feed", 0.027, 0.031, "kill", 0.0565, 0.058, "steps", 3000, 5000)),
    SPIRAL(PatternLabel.SPIRAL, "cyclic-ca", ranges("states", 9, 11, "steps", 300, 600)),
    LIFE(PatternLabel.LIFE, "life", ranges("density", 0.25, 0.45, "steps", 200, 1000)),
    ALTERNATING(PatternLabel.ALTERNATING, "lateral-inhibition",
            ranges("alpha", 4, 8, "theta", 0.45, 0.55, "noise", 0.05, 0.15, "steps", 800, 1200)),
    // The cell-agent family (docs/AGENTS.md, "Agent families in generate"): one interaction radius per pixel.
    AGENTS_RANDOM(PatternLabel.RANDOM, AgentRegions.FAMILY, ranges("agents_per_pixel", 0.5, 0.9, "speed", 0.2, 0.5, "steps", 40, 80)),
    AGENTS_CLUSTERED(PatternLabel.CLUSTERED, AgentRegions.FAMILY, ranges("decay", 0.003, 0.008, "noise", 0.1, 0.3, "steps", 500, 700)),
    AGENTS_SPOTTED(PatternLabel.SPOTTED, AgentRegions.FAMILY, ranges("decay", 0.03, 0.08, "noise", 0.1, 0.3, "steps", 250, 350)),
    AGENTS_STRIPED(PatternLabel.STRIPED, AgentRegions.FAMILY, ranges("decay", 0.03, 0.08, "anisotropy", 0.98, 1, "steps", 250, 350)),
    AGENTS_SPIRAL(PatternLabel.SPIRAL, AgentRegions.FAMILY, ranges("chirality", 0.5, 1, "noise", 0.02, 0.1, "steps", 250, 350));

    private final PatternLabel label;
    private final String family;
    private final Map<String, double[]> defaults;

    LabelRegion(PatternLabel label, String family, Map<String, double[]> defaults) {
        this.label = label;
        this.family = family;
        this.defaults = defaults;
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
        defaults.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Values drawn uniformly inside the default region from {@code rng}. */
    Map<String, Double> drawDefaults(SplittableRandom rng) {
        Map<String, Double> v = new LinkedHashMap<>();
        defaults.forEach((name, r) -> v.put(name, r[0] + (r[1] - r[0]) * rng.nextDouble()));
        return v;
    }

    /** Steps of a run with these values (0 for models without dynamics). */
    int steps(Map<String, Double> values) {
        return defaults.containsKey("steps") ? (int) Math.round(value(values, "steps")) : 0;
    }

    /** A run for these values; {@code rng} draws the start details that are not parameters. */
    Drawn build(Map<String, Double> values, SplittableRandom rng, RunSpec spec) {
        try {
            return switch (this) {
                case RANDOM -> Drawn.of(new BernoulliFieldParams(value(values, "density")), spec, new BernoulliFieldSimulator());
                case CLUSTERED -> Drawn.of(CellularPottsParams.compuCell3dCellSort()
                                .withTemperature(value(values, "temperature"))
                                .withCondensingFraction(value(values, "condensing_fraction")),
                        spec, new CellularPottsSimulator());
                case SPOTTED, STRIPED -> Drawn.of(grayScott(rng, spec.width(), value(values, "feed"), value(values, "kill")),
                        spec, new GrayScottSimulator());
                case SPIRAL -> Drawn.of(new CyclicCaParams((int) Math.round(value(values, "states")), 1, Neighbourhood.VON_NEUMANN),
                        spec, new CyclicCaSimulator());
                case LIFE -> Drawn.of(new GameOfLifeParams(value(values, "density"), LifeBorder.TORUS), spec, new GameOfLifeSimulator());
                case ALTERNATING -> Drawn.of(new LateralInhibitionFieldParams(value(values, "alpha"), value(values, "theta"),
                        value(values, "noise"), 0.01), spec, new LateralInhibitionFieldSimulator());
                case AGENTS_RANDOM, AGENTS_CLUSTERED, AGENTS_SPOTTED, AGENTS_STRIPED, AGENTS_SPIRAL ->
                        Drawn.of(AgentRegions.params(label, name -> value(values, name)), spec, new AgentPatternSimulator());
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label.id() + ": " + e.getMessage(), e);
        }
    }

    private double value(Map<String, Double> values, String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(label.id() + ": no value for parameter '" + name + "'");
        }
        return v;
    }

    /** Sims's diffusion; a start of random (0.5, 0.25) patches, about one per 100–200 cells. */
    private static GrayScottParams grayScott(SplittableRandom rng, int side, double feed, double kill) {
        int patches = Math.max(4, side * side / (100 + rng.nextInt(101)));
        return new GrayScottParams(feed, kill, 1.0, 0.5, 1.0, patches, 3 + rng.nextInt(3), 0.05 * rng.nextDouble());
    }

    private static Map<String, double[]> ranges(Object... nameLoHi) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameLoHi.length; i += 3) {
            m.put((String) nameLoHi[i], new double[] {((Number) nameLoHi[i + 1]).doubleValue(), ((Number) nameLoHi[i + 2]).doubleValue()});
        }
        return m;
    }

    /** Model parameters, run and simulator of one attempt. */
    record Drawn(Record params, RunSpec spec, PatternSimulator<Record> simulator) {
        @SuppressWarnings("unchecked")
        static <P extends Record> Drawn of(P params, RunSpec spec, PatternSimulator<P> simulator) {
            return new Drawn(params, spec, (PatternSimulator<Record>) (PatternSimulator<?>) simulator);
        }
    }
}
