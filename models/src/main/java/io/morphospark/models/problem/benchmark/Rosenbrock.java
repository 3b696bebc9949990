package io.morphospark.models.problem.benchmark;

/**
 * f(x) = Σ 100(x_{i+1} − xᵢ²)² + (1 − xᵢ)², minimum 0 at (1, …, 1): a curved valley that needs a
 * learnt covariance. Initial candidates uniform on [0, 1]^D with σ₀ = 0.3, the setting of Hansen's
 * reference implementation (purecma), so evaluation counts can be compared with his.
 */
public final class Rosenbrock extends BenchmarkFunction {
    private static final long serialVersionUID = 1L;

    public Rosenbrock(int dimension) {
        super(dimension, 0, 1);
        if (dimension < 2) {
            throw new IllegalArgumentException("rosenbrock needs dim at least 2, got " + dimension);
        }
    }

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public double value(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }
}
