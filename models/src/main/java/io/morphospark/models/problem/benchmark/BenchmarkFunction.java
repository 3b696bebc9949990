package io.morphospark.models.problem.benchmark;

import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A classic test function f to minimise, as a {@link Problem}: fitness −f(x) (maximised), one
 * deterministic replicate, metric {@code f} (the raw value, for the generations table). Initial
 * candidates are uniform on [lower, upper]^D; the suggested initial σ is 0.3·(upper − lower), the
 * CMA-ES rule of thumb.
 */
public abstract class BenchmarkFunction implements Problem {
    private static final long serialVersionUID = 1L;

    /** One candidate's value; a block always covers the single replicate. */
    public record Value(int firstReplicate, int count, double f) implements BlockResult {
    }

    private final int dimension;
    private final double lower;
    private final double upper;

    protected BenchmarkFunction(int dimension, double lower, double upper) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dim must be at least 1, got " + dimension);
        }
        this.dimension = dimension;
        this.lower = lower;
        this.upper = upper;
    }

    /** The function to minimise. */
    public abstract double value(double[] x);

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int replicates() {
        return 1;
    }

    @Override
    public double[] initialCandidate(RandomGenerator rng) {
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = lower + (upper - lower) * rng.nextDouble();
        }
        return x;
    }

    @Override
    public double initialStepSize() {
        return 0.3 * (upper - lower);
    }

    @Override
    public BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int firstReplicate, int count) {
        return new Value(firstReplicate, count, value(candidate));
    }

    @Override
    public Evaluation reduce(List<BlockResult> blocks) {
        double f = ((Value) blocks.get(0)).f();
        return Evaluation.of(-f, new double[] {f});
    }

    @Override
    public List<String> metricNames() {
        return List.of("f");
    }

    @Override
    public long cellStepsPerReplicate() {
        return 0;
    }

    /** The functions by name, as the command line selects them. */
    public static BenchmarkFunction named(String name, int dimension) {
        return switch (name) {
            case "sphere" -> new Sphere(dimension);
            case "rosenbrock" -> new Rosenbrock(dimension);
            case "rastrigin" -> new Rastrigin(dimension);
            default -> throw new IllegalArgumentException("unknown benchmark function '" + name + "'");
        };
    }

    public static final List<String> NAMES = List.of("sphere", "rosenbrock", "rastrigin");
}
