package io.morphospark.models.optim;

import java.util.Map;

/**
 * Separable CMA-ES (Ros & Hansen 2008): CMA-ES with a diagonal covariance, O(n) per candidate, for
 * dimensions where a full n×n matrix is too costly. Candidates are m + σ·√diag(C)⊙z, shipped as a
 * {@link GaussianPerturbations} recipe; tell regenerates the z of the selected candidates.
 */
public final class SepCmaEs extends AskTellOptimizer<GaussianPerturbations> {
    private static final long serialVersionUID = 2L;

    private final CmaParameters params;
    private final long seed;
    private final double[] mean;
    private double sigma;
    private final double[] variances;
    private final double[] pathSigma;
    private final double[] pathC;

    public SepCmaEs(double[] initialMean, double sigma, int lambda, long seed) {
        super("sep-cma-es");
        checkSigma(sigma);
        this.params = new CmaParameters(initialMean.length, lambda, true);
        this.seed = seed;
        this.mean = initialMean.clone();
        this.sigma = sigma;
        this.variances = Vectors.filled(mean.length, 1);
        this.pathSigma = new double[mean.length];
        this.pathC = new double[mean.length];
    }

    @Override
    protected Population sample(int generation) {
        double[] axes = new double[mean.length];
        for (int j = 0; j < axes.length; j++) {
            axes[j] = Math.sqrt(variances[j]);
        }
        return Population.sampled(generation,
                new GaussianPerturbations(mean.clone(), sigma, axes, seed, generation, params.lambda, false));
    }

    @Override
    protected void update(GaussianPerturbations asked, double[] fitness) {
        int n = mean.length;
        Integer[] order = Ranking.bestFirst(fitness);
        double[] meanZ = new double[n];
        double[] rankMu = new double[n];
        for (int i = 0; i < params.mu; i++) {
            double[] z = asked.noise(order[i]);
            double w = params.weights[i];
            for (int j = 0; j < n; j++) {
                meanZ[j] += w * z[j];
                double y = asked.scale()[j] * z[j];
                rankMu[j] += w * y * y;
            }
        }
        double ps = Math.sqrt(params.cSigma * (2 - params.cSigma) * params.muEff);
        for (int j = 0; j < n; j++) {
            pathSigma[j] = (1 - params.cSigma) * pathSigma[j] + ps * meanZ[j]; // C^(−1/2)·y_w is just z_w
        }
        double psNorm = Vectors.norm(pathSigma);
        boolean hSigma = params.hSigma(psNorm, generation());
        double pc = hSigma ? Math.sqrt(params.cc * (2 - params.cc) * params.muEff) : 0;
        double lostVariance = hSigma ? 0 : params.c1 * params.cc * (2 - params.cc);
        double keep = 1 - params.c1 - params.cMu + lostVariance;
        for (int j = 0; j < n; j++) {
            double meanStep = asked.scale()[j] * meanZ[j];
            mean[j] += sigma * meanStep;
            pathC[j] = (1 - params.cc) * pathC[j] + pc * meanStep;
            variances[j] = keep * variances[j] + params.c1 * pathC[j] * pathC[j] + params.cMu * rankMu[j];
        }
        sigma *= params.sigmaFactor(psNorm);
    }

    public double sigma() {
        return sigma;
    }

    public double[] mean() {
        return mean.clone();
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", sigma, "condition", Vectors.max(variances) / Vectors.min(variances),
                "path_sigma_norm", Vectors.norm(pathSigma));
    }
}
