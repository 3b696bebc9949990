package io.morphospark.models.optim;

import java.io.Serializable;

/**
 * The default strategy parameters of CMA-ES (Hansen, "The CMA Evolution Strategy: A Tutorial",
 * 2016, table 1), positive recombination weights only. For the separable variant the covariance
 * learning rates are multiplied by (n+2)/3 (Ros & Hansen 2008): a diagonal has only n entries to
 * learn, so it can be learnt that much faster.
 */
public final class CmaParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    public final int dimension;
    public final int lambda;
    public final int mu;
    public final double[] weights;
    public final double muEff;
    public final double cc;
    public final double cSigma;
    public final double c1;
    public final double cMu;
    public final double dSigma;
    /** E‖N(0, I)‖, the length a random step has under neutral selection. */
    public final double chiN;

    /** Hansen's default population size 4 + ⌊3 ln n⌋. */
    public static int defaultPopulation(int dimension) {
        return 4 + (int) Math.floor(3 * Math.log(dimension));
    }

    public CmaParameters(int n, int lambda, boolean separable) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + n);
        }
        if (lambda < 2) {
            throw new IllegalArgumentException("CMA-ES needs a population of at least 2 (mu >= 1), got " + lambda);
        }
        this.dimension = n;
        this.lambda = lambda;
        this.mu = lambda / 2;
        this.weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += weights[i];
        }
        double sumSq = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sumSq += weights[i] * weights[i];
        }
        this.muEff = 1 / sumSq;
        this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        this.cSigma = (muEff + 2) / (n + muEff + 5);
        double rankOne = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        double rankMu = 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff);
        double speedUp = separable ? (n + 2) / 3.0 : 1;
        this.c1 = Math.min(1, rankOne * speedUp);
        this.cMu = Math.min(1 - c1, rankMu * speedUp);
        this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    }

    /** Threshold of the ‖p_σ‖ stall test h_σ, which stops p_c growing while σ is increasing fast. */
    public boolean hSigma(double psNorm, int generation) {
        double correction = Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (generation + 1)));
        return psNorm / correction < (1.4 + 2.0 / (dimension + 1)) * chiN;
    }

    /** The step-size factor of cumulative step-size adaptation. */
    public double sigmaFactor(double psNorm) {
        // capped so that one pathological generation cannot blow σ up by more than e
        return Math.exp(Math.min(1, (cSigma / dSigma) * (psNorm / chiN - 1)));
    }
}
