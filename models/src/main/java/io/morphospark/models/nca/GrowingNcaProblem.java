package io.morphospark.models.nca;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Growing a target from the seed, as a black-box problem for the evolution strategies: a candidate
 * is the update rule's 8 336 parameters as one flat vector (w1, b1, w2, b2, row-major, as
 * {@link NcaParameters}); its fitness is minus the mean RGBA loss after U{min..max} steps over
 * {@code rollouts} stochastic rollouts from the seed.
 *
 * <p>Rollout r of generation g draws its step count and fire masks from (seed, g, r), the same for
 * every candidate of the generation (common random numbers: differences in fitness come from the
 * parameters, not from luckier fire masks). Runs on the fused CPU kernel, one thread per
 * evaluation: the ES already runs candidates in parallel.
 */
public final class GrowingNcaProblem implements Problem {
    private static final long serialVersionUID = 1L;

    /** One rollout's loss per replicate of the block. */
    public record Losses(int firstReplicate, int count, double[] losses) implements BlockResult {
    }

    private final NcaConfig config;
    private final Target target;
    private final int rollouts;
    private final int minSteps;
    private final int maxSteps;
    private final double fireRate;
    private final NcaEngine.Kind engine;

    public GrowingNcaProblem(NcaConfig config, Target target, int rollouts, int minSteps, int maxSteps, double fireRate,
                             NcaEngine.Kind engine) {
        if (rollouts < 1) {
            throw new IllegalArgumentException("rollouts must be at least 1, got " + rollouts);
        }
        if (minSteps < 1 || maxSteps < minSteps) {
            throw new IllegalArgumentException("steps must satisfy 1 <= min <= max, got " + minSteps + ".." + maxSteps);
        }
        if (!(fireRate > 0 && fireRate <= 1)) {
            throw new IllegalArgumentException("fire rate must be in (0, 1], got " + fireRate);
        }
        this.config = config;
        this.target = target;
        this.rollouts = rollouts;
        this.minSteps = minSteps;
        this.maxSteps = maxSteps;
        this.fireRate = fireRate;
        this.engine = engine;
    }

    public Target target() {
        return target;
    }

    public int maxSteps() {
        return maxSteps;
    }

    @Override
    public String name() {
        return "growing-nca";
    }

    @Override
    public int dimension() {
        return config.parameterCount();
    }

    @Override
    public int replicates() {
        return rollouts;
    }

    /** The gradient recipe's initialisation (uniform first layer, zero last layer). */
    @Override
    public double[] initialCandidate(RandomGenerator rng) {
        return flatten(NcaParameters.initial(config, rng.nextLong()));
    }

    /** Small against the first layer's ±1/√48 weights: the untrained CA is already a stable fixed point. */
    @Override
    public double initialStepSize() {
        return 0.02;
    }

    @Override
    public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int firstReplicate, int count) {
        NcaParameters p = unflatten(candidate);
        long fireSeed = RandomStreams.key(key.seed(), Purpose.SIMULATION, key.generation());
        NcaEngine ca = NcaEngine.create(engine, p, fireRate, fireSeed, false);
        double[] losses = new double[count];
        for (int i = 0; i < count; i++) {
            int r = firstReplicate + i;
            losses[i] = SeedGrowthScore.mse(ca, config, target, r, steps(key, r));
        }
        return new Losses(firstReplicate, count, losses);
    }

    private int steps(EvaluationKey key, int rollout) {
        SplittableRandom rng = RandomStreams.stream(key.seed(), Purpose.SELECTION, key.generation(), rollout);
        return minSteps + rng.nextInt(maxSteps - minSteps + 1);
    }

    @Override
    public Evaluation reduce(List<BlockResult> blocks) {
        double sum = 0;
        int next = 0;
        for (BlockResult b : blocks) {
            Losses l = (Losses) b;
            if (l.firstReplicate() != next) {
                throw new IllegalStateException("blocks must cover rollouts in order; expected " + next + ", got " + l.firstReplicate());
            }
            for (double v : l.losses()) {
                sum += v; // NaN propagates: Evaluation.of marks the candidate invalid
            }
            next += l.count();
        }
        if (next != rollouts) {
            throw new IllegalStateException("blocks cover " + next + " of " + rollouts + " rollouts");
        }
        double mean = sum / rollouts;
        return Evaluation.of(-mean, new double[] {mean});
    }

    @Override
    public List<String> metricNames() {
        return List.of("loss");
    }

    @Override
    public long cellStepsPerReplicate() {
        return (long) target.height() * target.width() * (minSteps + maxSteps) / 2;
    }

    public NcaParameters unflatten(double[] v) {
        if (v.length != dimension()) {
            throw new IllegalArgumentException("expected " + dimension() + " parameters, got " + v.length);
        }
        int f = config.features();
        int h = config.hidden();
        int c = config.channels();
        double[][] parts = new double[4][];
        int[] sizes = {f * h, h, h * c, c};
        int offset = 0;
        for (int i = 0; i < 4; i++) {
            parts[i] = java.util.Arrays.copyOfRange(v, offset, offset + sizes[i]);
            offset += sizes[i];
        }
        return NcaParameters.of(config, parts[0], parts[1], parts[2], parts[3], DataType.FLOAT);
    }

    public static double[] flatten(NcaParameters p) {
        double[] out = new double[p.config().parameterCount()];
        int offset = 0;
        for (String name : NcaParameters.NAMES) {
            double[] v = p.values(name);
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        return out;
    }
}
