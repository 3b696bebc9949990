package io.morphospark.models.optim;

import java.util.Map;

/**
 * Separable natural evolution strategy (Schaul, Glasmachers & Schmidhuber 2011): a diagonal
 * Gaussian whose centre and per-coordinate σ follow the natural gradient of expected fitness,
 * with NES rank utilities. Defaults from the paper: λ = 4 + ⌊3 ln d⌋, η_μ = 1,
 * η_σ = (3 + ln d) / (5√d). Candidates are a {@link GaussianPerturbations} recipe.
 */
public final class Snes extends AskTellOptimizer<GaussianPerturbations> {
    private static final long serialVersionUID = 2L;

    private final long seed;
    private final int lambda;
    private final double centreRate;
    private final double sigmaRate;
    private final double[] utilities;
    private final double[] centre;
    private final double[] sigmas;

    public static double defaultSigmaRate(int dimension) {
        return (3 + Math.log(dimension)) / (5 * Math.sqrt(dimension));
    }

    public Snes(double[] initialCentre, double sigma, int lambda, double centreRate, long seed) {
        super("snes");
        checkSigma(sigma);
        checkLearningRate(centreRate);
        if (lambda < 2) {
            throw new IllegalArgumentException("SNES needs a population of at least 2, got " + lambda);
        }
        this.seed = seed;
        this.lambda = lambda;
        this.centreRate = centreRate;
        this.sigmaRate = defaultSigmaRate(initialCentre.length);
        this.utilities = FitnessShaping.nesUtilities(lambda);
        this.centre = initialCentre.clone();
        this.sigmas = Vectors.filled(centre.length, sigma);
    }

    @Override
    protected Population sample(int generation) {
        return Population.sampled(generation,
                new GaussianPerturbations(centre.clone(), 1, sigmas.clone(), seed, generation, lambda, false));
    }

    @Override
    protected void update(GaussianPerturbations asked, double[] fitness) {
        int n = centre.length;
        Integer[] order = Ranking.bestFirst(fitness);
        double[] centreGradient = new double[n];
        double[] sigmaGradient = new double[n];
        for (int k = 0; k < lambda; k++) {
            double u = utilities[k];
            if (u == 0) {
                continue;
            }
            double[] z = asked.noise(order[k]);
            for (int j = 0; j < n; j++) {
                centreGradient[j] += u * z[j];
                sigmaGradient[j] += u * (z[j] * z[j] - 1);
            }
        }
        for (int j = 0; j < n; j++) {
            centre[j] += centreRate * sigmas[j] * centreGradient[j];
            sigmas[j] *= Math.exp(sigmaRate / 2 * sigmaGradient[j]);
        }
    }

    public double[] centre() {
        return centre.clone();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma_mean", Vectors.mean(sigmas), "sigma_min", Vectors.min(sigmas),
                "sigma_max", Vectors.max(sigmas), "learning_rate", centreRate, "sigma_learning_rate", sigmaRate);
    }
}
