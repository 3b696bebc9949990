package io.morphospark.models.optim;

import java.util.Map;

/**
 * OpenAI-ES (Salimans et al. 2017): antithetic Gaussian perturbations of a centre θ, centred-rank
 * fitness shaping, the gradient estimate g = 1/(λσ) Σ F̂_i ε_i minus an L2 weight decay, and an
 * Adam or SGD step on g. Workers need only (seed, generation, index) to rebuild their
 * perturbation. σ and the learning rate may decay geometrically per generation (as estool does),
 * which a fixed-σ estimator needs to get close to an optimum rather than hover at distance ~σ.
 */
public final class OpenAiEs extends AskTellOptimizer<GaussianPerturbations> {
    private static final long serialVersionUID = 2L;

    private final long seed;
    private final int lambda;
    private final double[] centre;
    private double sigma;
    private final double sigmaDecay;
    private final double learningRateDecay;
    private final double weightDecay;
    private final GradientStep stepper;
    private double lastGradientNorm;

    public OpenAiEs(double[] initialCentre, double sigma, int lambda, GradientStep stepper, double weightDecay,
                    double sigmaDecay, double learningRateDecay, long seed) {
        super("openai-es");
        checkSigma(sigma);
        if (lambda < 2 || lambda % 2 != 0) {
            throw new IllegalArgumentException("antithetic sampling needs an even population of at least 2, got " + lambda);
        }
        checkDecay("sigma decay", sigmaDecay);
        checkDecay("learning-rate decay", learningRateDecay);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
        }
        this.seed = seed;
        this.lambda = lambda;
        this.centre = initialCentre.clone();
        this.sigma = sigma;
        this.stepper = stepper;
        this.weightDecay = weightDecay;
        this.sigmaDecay = sigmaDecay;
        this.learningRateDecay = learningRateDecay;
    }

    static void checkDecay(String what, double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1], got " + decay);
        }
    }

    @Override
    protected Population sample(int generation) {
        return Population.sampled(generation,
                new GaussianPerturbations(centre.clone(), sigma, null, seed, generation, lambda, true));
    }

    @Override
    protected void update(GaussianPerturbations asked, double[] fitness) {
        int n = centre.length;
        double[] shaped = FitnessShaping.centredRanks(fitness);
        double[] gradient = new double[n];
        for (int pair = 0; pair < lambda / 2; pair++) {
            // candidates 2k and 2k+1 are θ ± σε_k: their shaped difference weights ε_k
            double weight = shaped[2 * pair] - shaped[2 * pair + 1];
            if (weight == 0) {
                continue;
            }
            double[] epsilon = asked.noise(2 * pair);
            for (int j = 0; j < n; j++) {
                gradient[j] += weight * epsilon[j];
            }
        }
        for (int j = 0; j < n; j++) {
            gradient[j] = gradient[j] / (lambda * sigma) - weightDecay * centre[j];
        }
        lastGradientNorm = Vectors.norm(gradient);
        double[] update = stepper.step(gradient);
        for (int j = 0; j < n; j++) {
            centre[j] += update[j];
        }
        sigma *= sigmaDecay;
        stepper.scaleLearningRate(learningRateDecay);
    }

    public double[] centre() {
        return centre.clone();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", sigma, "learning_rate", stepper.learningRate(), "gradient_norm", lastGradientNorm);
    }
}
