package io.morphospark.models.optim;

import java.io.Serializable;

/**
 * The default strategy parameters of CMA-ES (Hansen, "The CMA Evolution Strategy: A Tutorial",
 * 2016, table 1). The mean moves by the μ positive weights; full CMA-ES also uses the tutorial's
 * negative weights of the λ − μ worst samples in the rank-μ update ("active" CMA, {@link
 * #negativeWeights}), which the separable variant does not. For the separable variant the covariance
 * learning rates are multiplied by (n+2)/3 (Ros & Hansen 2008): a diagonal has only n entries to
 * learn, so it can be learnt that much faster.
 */
public final class CmaParameters implements Serializable {
    private static final long serialVersionUID = 2L;

    public final int dimension;
    public final int lambda;
    public final int mu;
    public final double[] weights;
    /**
     * Weights of ranks μ … λ−1 (≤ 0) in the covariance update: ln((λ+1)/2) − ln i normalised to sum
     * to −min(α_μ⁻, α_μeff⁻, α_posdef⁻) (tutorial eq. 53), so C stays positive definite.
     */
    public final double[] negativeWeights;
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
        this.negativeWeights = negativeWeights(n, lambda, mu, muEff, c1, cMu);
        this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    }

    private static double[] negativeWeights(int n, int lambda, int mu, double muEff, double c1, double cMu) {
        double[] w = new double[lambda - mu];
        double sum = 0;
        double sumSq = 0;
        for (int i = mu; i < lambda; i++) {
            double raw = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            w[i - mu] = raw;
            sum += raw;
            sumSq += raw * raw;
        }
        if (sum == 0 || cMu == 0) {
            return w; // λ = 2 or 3: no sample below the median carries weight
        }
        double muEffMinus = sum * sum / sumSq;
        double alphaMu = 1 + c1 / cMu;
        double alphaMuEff = 1 + 2 * muEffMinus / (muEff + 2);
        double alphaPosDef = (1 - c1 - cMu) / (n * cMu);
        double scale = Math.min(alphaMu, Math.min(alphaMuEff, alphaPosDef)) / Math.abs(sum);
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return w;
    }

    /** Sum of all λ weights of the covariance update, positive and negative. */
    public double covarianceWeightSum() {
        double s = 1;
        for (double w : negativeWeights) {
            s += w;
        }
        return s;
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
