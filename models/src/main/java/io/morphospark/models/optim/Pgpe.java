package io.morphospark.models.optim;

import java.util.Map;

/**
 * PGPE (Sehnke et al. 2010) with symmetric sampling and the ClipUp optimiser for the centre
 * (Toklu et al. 2020): a diagonal Gaussian whose centre follows ClipUp on the rank-shaped
 * gradient estimate and whose per-coordinate σ follows plain gradient ascent, each σ changing by
 * at most 20 % per generation. Defaults as in the ClipUp paper and EvoTorch: σ learning rate 0.1,
 * maximum σ change 0.2, maximum speed twice the ClipUp step size, momentum 0.9.
 */
public final class Pgpe extends AskTellOptimizer<GaussianPerturbations> {
    private static final long serialVersionUID = 2L;
    public static final double SIGMA_LEARNING_RATE = 0.1;
    public static final double SIGMA_MAX_CHANGE = 0.2;

    private final long seed;
    private final int lambda;
    private final double[] centre;
    private final double[] sigmas;
    private final ClipUp clipUp;
    private final double learningRateDecay;

    public Pgpe(double[] initialCentre, double sigma, int lambda, double stepSize, double learningRateDecay, long seed) {
        super("pgpe");
        checkSigma(sigma);
        checkLearningRate(stepSize);
        OpenAiEs.checkDecay("learning-rate decay", learningRateDecay);
        if (lambda < 2 || lambda % 2 != 0) {
            throw new IllegalArgumentException("symmetric sampling needs an even population of at least 2, got " + lambda);
        }
        this.seed = seed;
        this.lambda = lambda;
        this.centre = initialCentre.clone();
        this.sigmas = Vectors.filled(centre.length, sigma);
        this.clipUp = new ClipUp(centre.length, stepSize, 2 * stepSize, ClipUp.DEFAULT_MOMENTUM);
        this.learningRateDecay = learningRateDecay;
    }

    @Override
    protected Population sample(int generation) {
        return Population.sampled(generation,
                new GaussianPerturbations(centre.clone(), 1, sigmas.clone(), seed, generation, lambda, true));
    }

    @Override
    protected void update(GaussianPerturbations asked, double[] fitness) {
        int n = centre.length;
        int pairs = lambda / 2;
        double[] shaped = FitnessShaping.centredRanks(fitness); // mean 0, so it is its own baseline
        double[] centreGradient = new double[n];
        double[] sigmaGradient = new double[n];
        for (int k = 0; k < pairs; k++) {
            double plus = shaped[2 * k];
            double minus = shaped[2 * k + 1];
            double[] z = asked.noise(2 * k);
            for (int j = 0; j < n; j++) {
                double s = sigmas[j];
                double epsilon = s * z[j];
                centreGradient[j] += (plus - minus) / 2 * epsilon;
                sigmaGradient[j] += (plus + minus) / 2 * (epsilon * epsilon - s * s) / s;
            }
        }
        for (int j = 0; j < n; j++) {
            centreGradient[j] /= pairs;
            sigmaGradient[j] /= pairs;
        }
        double[] update = clipUp.step(centreGradient);
        for (int j = 0; j < n; j++) {
            centre[j] += update[j];
            double limit = SIGMA_MAX_CHANGE * sigmas[j];
            double change = Math.max(-limit, Math.min(limit, SIGMA_LEARNING_RATE * sigmaGradient[j]));
            sigmas[j] += change;
        }
        clipUp.scaleLearningRate(learningRateDecay);
    }

    public double[] centre() {
        return centre.clone();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma_mean", Vectors.mean(sigmas), "sigma_min", Vectors.min(sigmas),
                "sigma_max", Vectors.max(sigmas), "learning_rate", clipUp.learningRate());
    }
}
