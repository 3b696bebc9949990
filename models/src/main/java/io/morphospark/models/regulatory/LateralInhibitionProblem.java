package io.morphospark.models.regulatory;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.ReplicateStreams;

import java.util.List;
import java.util.random.RandomGenerator;

/** Maximise the pattern utility of a regulatory network (the seed's objective). */
public final class LateralInhibitionProblem implements Problem {
    private static final long serialVersionUID = 1L;
    /** KDE bandwidth of the soft utility (seed value). */
    public static final double SOFT_BANDWIDTH = 0.1;

    /** Which utility is the fitness: the two agree on binary patterns. */
    public enum Utility { HARD, SOFT }

    private final LateralInhibitionConfig config;
    private final Utility utility;
    private transient LateralInhibitionSimulator simulator;

    public LateralInhibitionProblem(LateralInhibitionConfig config, Utility utility) {
        this.config = config;
        this.utility = utility;
    }

    public LateralInhibitionConfig config() {
        return config;
    }

    public LateralInhibitionSimulator simulator() {
        if (simulator == null) {
            simulator = new LateralInhibitionSimulator(config);
        }
        return simulator;
    }

    @Override
    public String name() {
        return "lateral-inhibition";
    }

    @Override
    public int dimension() {
        return simulator().network().parameterCount();
    }

    @Override
    public int replicates() {
        return config.replicates();
    }

    @Override
    public double[] initialCandidate(RandomGenerator rng) {
        return simulator().network().initialParameters(rng);
    }

    @Override
    public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int firstReplicate, int count) {
        ReplicateStreams streams = new ReplicateStreams(key.seed(), Purpose.SIMULATION, key.generation(), key.candidate());
        float[] states = simulator().simulate(candidate, streams, firstReplicate, count);
        boolean nonFinite = LateralInhibitionSimulator.nonFiniteReplicates(states, config.cells()) > 0;
        return new PatternBlock(firstReplicate, count, simulator().controlledFates(states), nonFinite);
    }

    @Override
    public Evaluation reduce(List<BlockResult> blocks) {
        int n = config.controlledCells();
        byte[] fates = new byte[config.replicates() * n];
        boolean nonFinite = false;
        int next = 0;
        for (BlockResult b : blocks) {
            PatternBlock p = (PatternBlock) b;
            if (p.firstReplicate() != next) {
                throw new IllegalStateException("blocks must cover replicates in order; expected " + next + ", got " + p.firstReplicate());
            }
            System.arraycopy(p.fates(), 0, fates, next * n, p.count() * n);
            next += p.count();
            nonFinite |= p.nonFinite();
        }
        if (next != config.replicates()) {
            throw new IllegalStateException("blocks cover " + next + " of " + config.replicates() + " replicates");
        }
        PatternUtility.Result hard = PatternUtility.hard(fates, config.replicates(), n);
        PatternUtility.Result soft = utility == Utility.SOFT
                ? PatternUtility.soft(toFloat(fates), config.replicates(), n, SOFT_BANDWIDTH) : hard;
        double fitness = nonFinite ? Double.NaN : (utility == Utility.SOFT ? soft : hard).utility();
        double[] metrics = {hard.utility(), hard.patternEntropy(), hard.replicateEntropy(), soft.utility()};
        return Evaluation.of(fitness, metrics, fates, n);
    }

    @Override
    public List<String> metricNames() {
        return List.of("u_hard", "s_pat", "s_rep", "u_soft");
    }

    /**
     * σ₀ = 0.5, the scale of the initial weights (LeCun-normal, 1/√8 ≈ 0.35 for the hidden layer).
     * With 0.1, CMA-ES, sep-CMA-ES and SNES settle on bistable all-on/all-off networks (U ≈ 0.8);
     * with 0.5 they and OpenAI-ES and PGPE reach 0.97–0.985 in the seed's 2 000 evaluations
     * (docs/BENCHMARKS.md). The mutation-based ES keep their own mutation σ.
     */
    @Override
    public double initialStepSize() {
        return 0.5;
    }

    @Override
    public long cellStepsPerReplicate() {
        return (long) config.cells() * config.steps();
    }

    private static float[] toFloat(byte[] b) {
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = b[i];
        }
        return f;
    }
}
