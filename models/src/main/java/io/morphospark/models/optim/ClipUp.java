package io.morphospark.models.optim;

/**
 * ClipUp (Toklu et al. 2020): momentum on the normalised gradient, with the velocity's norm
 * clipped to a maximum speed. Steps are bounded whatever the gradient's scale, which is what
 * makes it robust for noisy, badly scaled fitness. Defaults from the paper: momentum 0.9 and
 * maximum speed twice the step size.
 */
public final class ClipUp implements GradientStep {
    private static final long serialVersionUID = 1L;
    public static final double DEFAULT_MOMENTUM = 0.9;

    private double stepSize;
    private double maxSpeed;
    private final double momentum;
    private final double[] velocity;

    public ClipUp(int dimension, double stepSize, double maxSpeed, double momentum) {
        this.stepSize = stepSize;
        this.maxSpeed = maxSpeed;
        this.momentum = momentum;
        this.velocity = new double[dimension];
    }

    @Override
    public double[] step(double[] gradient) {
        double norm = Vectors.norm(gradient);
        for (int j = 0; j < gradient.length; j++) {
            // a zero gradient (all fitnesses tied) adds no push rather than a NaN
            velocity[j] = momentum * velocity[j] + (norm > 0 ? stepSize * gradient[j] / norm : 0);
        }
        double speed = Vectors.norm(velocity);
        if (speed > maxSpeed) {
            for (int j = 0; j < velocity.length; j++) {
                velocity[j] *= maxSpeed / speed;
            }
        }
        return velocity.clone();
    }

    @Override
    public double learningRate() {
        return stepSize;
    }

    @Override
    public void scaleLearningRate(double factor) {
        stepSize *= factor;
        maxSpeed *= factor;
    }

    @Override
    public String name() {
        return "clipup";
    }
}
