package io.morphospark.models.problem.benchmark;

/**
 * f(x) = 10n + Σ xᵢ² − 10 cos(2π xᵢ), minimum 0 at the origin, a local minimum near every
 * integer point; initial candidates uniform on the usual domain [−5.12, 5.12]^D.
 */
public final class Rastrigin extends BenchmarkFunction {
    private static final long serialVersionUID = 1L;

    public Rastrigin(int dimension) {
        super(dimension, -5.12, 5.12);
    }

    @Override
    public String name() {
        return "rastrigin";
    }

    @Override
    public double value(double[] x) {
        double s = 10.0 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }
}
