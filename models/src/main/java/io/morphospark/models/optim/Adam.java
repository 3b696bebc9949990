package io.morphospark.models.optim;

/**
 * Adam (Kingma & Ba 2015) with the paper's default β₁, β₂ and ε, as torch.optim.Adam and optax.adam
 * compute it: ε is added to the bias-corrected √v̂. (ND4J's AdamUpdater adds it to the uncorrected
 * √v, a 32× larger ε at the first step; ReplayAgainstPyTorchTest caught the difference.)
 */
public final class Adam implements GradientStep {
    private static final long serialVersionUID = 1L;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private double learningRate;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private long steps;

    public Adam(int dimension, double learningRate) {
        this.learningRate = learningRate;
        this.firstMoment = new double[dimension];
        this.secondMoment = new double[dimension];
    }

    private Adam(Adam other) {
        this.learningRate = other.learningRate;
        this.firstMoment = other.firstMoment.clone();
        this.secondMoment = other.secondMoment.clone();
        this.steps = other.steps;
    }

    /** An independent copy (moments and step count), for checkpoints taken while training goes on. */
    public Adam copy() {
        return new Adam(this);
    }

    @Override
    public double[] step(double[] gradient) {
        return step(gradient, learningRate);
    }

    /** One step at an explicit rate, for callers with a schedule; the update to apply (same sign as the gradient). */
    public double[] step(double[] gradient, double learningRate) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        double[] update = new double[gradient.length];
        for (int j = 0; j < gradient.length; j++) {
            firstMoment[j] = BETA1 * firstMoment[j] + (1 - BETA1) * gradient[j];
            secondMoment[j] = BETA2 * secondMoment[j] + (1 - BETA2) * gradient[j] * gradient[j];
            update[j] = learningRate * (firstMoment[j] / correction1) / (Math.sqrt(secondMoment[j] / correction2) + EPSILON);
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
        return "adam";
    }
}
