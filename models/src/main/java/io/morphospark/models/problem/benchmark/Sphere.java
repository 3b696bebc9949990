package io.morphospark.models.problem.benchmark;

/** f(x) = Σ xᵢ², minimum 0 at the origin; initial candidates uniform on [−5, 5]^D. */
public final class Sphere extends BenchmarkFunction {
    private static final long serialVersionUID = 1L;

    public Sphere(int dimension) {
        super(dimension, -5, 5);
    }

    @Override
    public String name() {
        return "sphere";
    }

    @Override
    public double value(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}
