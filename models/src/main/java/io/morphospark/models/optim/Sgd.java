package io.morphospark.models.optim;

/** Plain gradient ascent with heavy-ball momentum (momentum 0 is vanilla SGD). */
public final class Sgd implements GradientStep {
    private static final long serialVersionUID = 1L;

    private double learningRate;
    private final double momentum;
    private final double[] velocity;

    public Sgd(int dimension, double learningRate, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.velocity = new double[dimension];
    }

    @Override
    public double[] step(double[] gradient) {
        double[] update = new double[gradient.length];
        for (int j = 0; j < gradient.length; j++) {
            velocity[j] = momentum * velocity[j] + gradient[j];
            update[j] = learningRate * velocity[j];
        }
        return update;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void scaleLearningRate(double factor) {
        learningRate *= factor;
    }

    @Override
    public String name() {
        return "sgd";
    }
}
