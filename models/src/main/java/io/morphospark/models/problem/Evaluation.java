package io.morphospark.models.problem;

/**
 * A candidate's reduced result: its fitness (higher is better), the problem's metrics (named by
 * {@link Problem#metricNames()}), and optionally its replicates' discrete patterns
 * ({@code patterns[r * patternWidth + i]}).
 *
 * <p>A non-finite fitness (a simulation that produced NaN or Inf) becomes the worst possible
 * fitness, so it can never be selected, and is flagged {@code invalid}.
 */
public record Evaluation(double fitness, boolean invalid, double[] metrics, byte[] patterns, int patternWidth) {
    public static Evaluation of(double fitness, double[] metrics, byte[] patterns, int patternWidth) {
        boolean invalid = !Double.isFinite(fitness);
        return new Evaluation(invalid ? Double.NEGATIVE_INFINITY : fitness, invalid, metrics, patterns, patternWidth);
    }

    public static Evaluation of(double fitness, double[] metrics) {
        return of(fitness, metrics, null, 0);
    }
}
