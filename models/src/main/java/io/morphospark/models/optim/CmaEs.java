package io.morphospark.models.optim;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * CMA-ES (Hansen's tutorial, 2016): weighted recombination of the best μ of λ samples of
 * N(m, σ²C), rank-one and rank-μ covariance updates, cumulative step-size adaptation, default
 * constants from {@link CmaParameters}. The eigen-decomposition C = B D² Bᵀ is refreshed lazily,
 * once λ/((c₁+c_μ)·n·10) <em>evaluations</em> have passed, as the tutorial's purecmaes does, so
 * sampling costs O(n²) per candidate and the O(n³) decomposition is amortised. The decomposition is
 * Householder + QL ({@link SymmetricEigen#decompose}); the Jacobi solver used before stays
 * selectable ({@link #usingEigenSolver}) so {@code bench optimizers} can time both side by side.
 *
 * <p>Candidates are full vectors (a B·D matrix is larger than λ vectors until λ ≈ n), drawn from
 * the streams (seed, PERTURBATION, generation, k), so the state is plain numbers and counters.
 */
public final class CmaEs extends AskTellOptimizer<ExplicitCandidates> {
    /** 4: the QL eigensolver (a checkpoint of the Jacobi version would not resume to the same bits). */
    private static final long serialVersionUID = 4L;
    /** Above this condition number C is regularised: beyond it double precision loses the small axes. */
    private static final double MAX_CONDITION = 1e14;

    private final CmaParameters params;
    private final long seed;
    private final double[] mean;
    private double sigma;
    private final double[][] covariance;
    private double[][] basis;
    private double[] axisLengths;
    private final double[] pathSigma;
    private final double[] pathC;
    private int eigenGeneration;
    private EigenSolver eigenSolver = EigenSolver.TRIDIAGONAL_QL;

    /** How C = B D² Bᵀ is computed. */
    public enum EigenSolver {
        /** Householder tridiagonalisation + implicit QL of C itself: O(n³) with a small constant. */
        TRIDIAGONAL_QL,
        /** Cyclic Jacobi of Bᵀ C B, warm-started from the previous basis: the pre-issue-17 solver. */
        JACOBI
    }

    public CmaEs(double[] initialMean, double sigma, int lambda, long seed) {
        super("cma-es");
        checkSigma(sigma);
        int n = initialMean.length;
        this.params = new CmaParameters(n, lambda, false);
        this.seed = seed;
        this.mean = initialMean.clone();
        this.sigma = sigma;
        this.covariance = new double[n][n];
        this.basis = new double[n][n];
        for (int i = 0; i < n; i++) {
            covariance[i][i] = 1;
            basis[i][i] = 1;
        }
        this.axisLengths = Vectors.filled(n, 1);
        this.pathSigma = new double[n];
        this.pathC = new double[n];
    }

    /** Selects the eigensolver before the first generation (bench comparisons); returns this. */
    public CmaEs usingEigenSolver(EigenSolver solver) {
        if (generation() != 0) {
            throw new IllegalStateException("the eigensolver is chosen before the first generation");
        }
        this.eigenSolver = solver;
        return this;
    }

    public CmaParameters parameters() {
        return params;
    }

    public double[] mean() {
        return mean.clone();
    }

    @Override
    protected Population sample(int generation) {
        int n = mean.length;
        double[][] x = new double[params.lambda][];
        double[] scaled = new double[n];
        for (int k = 0; k < params.lambda; k++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.PERTURBATION, generation, k);
            for (int j = 0; j < n; j++) {
                scaled[j] = axisLengths[j] * rng.nextGaussian();
            }
            double[] xk = mean.clone();
            for (int i = 0; i < n; i++) {
                double[] bi = basis[i];
                double y = 0;
                for (int j = 0; j < n; j++) {
                    y += bi[j] * scaled[j];
                }
                xk[i] += sigma * y;
            }
            x[k] = xk;
        }
        return Population.sampled(generation, new ExplicitCandidates(x));
    }

    @Override
    protected void update(ExplicitCandidates asked, double[] fitness) {
        int n = mean.length;
        Integer[] order = Ranking.bestFirst(fitness);
        // steps y_i = (x_i − m)/σ of the μ best; finite whatever the fitnesses were
        double[][] steps = new double[params.mu][n];
        double[] meanStep = new double[n];
        for (int i = 0; i < params.mu; i++) {
            double[] x = asked.vectors()[order[i]];
            for (int j = 0; j < n; j++) {
                steps[i][j] = (x[j] - mean[j]) / sigma;
                meanStep[j] += params.weights[i] * steps[i][j];
            }
        }
        // the λ − μ worst steps, taken from the same old mean, for the negative (active) update
        int worst = params.negativeWeights.length;
        double[][] negativeSteps = new double[worst][n];
        for (int i = 0; i < worst; i++) {
            double[] x = asked.vectors()[order[params.mu + i]];
            for (int j = 0; j < n; j++) {
                negativeSteps[i][j] = (x[j] - mean[j]) / sigma;
            }
        }
        for (int j = 0; j < n; j++) {
            mean[j] += sigma * meanStep[j];
        }

        double[] whitened = inverseSqrtC(meanStep);
        double ps = Math.sqrt(params.cSigma * (2 - params.cSigma) * params.muEff);
        for (int j = 0; j < n; j++) {
            pathSigma[j] = (1 - params.cSigma) * pathSigma[j] + ps * whitened[j];
        }
        double psNorm = Vectors.norm(pathSigma);
        boolean hSigma = params.hSigma(psNorm, generation());
        double pc = hSigma ? Math.sqrt(params.cc * (2 - params.cc) * params.muEff) : 0;
        for (int j = 0; j < n; j++) {
            pathC[j] = (1 - params.cc) * pathC[j] + pc * meanStep[j];
        }

        // the λ − μ worst steps enter with negative weights, each rescaled by n/‖C^(−1/2) y‖² so
        // that a long unlucky step cannot shrink C along its direction by more than a typical one
        double[] negativeWeights = new double[worst];
        for (int i = 0; i < worst; i++) {
            double norm = Vectors.norm(inverseSqrtC(negativeSteps[i]));
            negativeWeights[i] = params.negativeWeights[i] * (norm > 0 ? n / (norm * norm) : 0);
        }

        // when h_σ stalls p_c, the variance it would have carried is put back (the δ(h_σ) term)
        double lostVariance = hSigma ? 0 : params.c1 * params.cc * (2 - params.cc);
        double keep = 1 - params.c1 - params.cMu * params.covarianceWeightSum() + lostVariance;
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double rankMu = 0;
                for (int i = 0; i < params.mu; i++) {
                    rankMu += params.weights[i] * steps[i][r] * steps[i][c];
                }
                for (int i = 0; i < worst; i++) {
                    rankMu += negativeWeights[i] * negativeSteps[i][r] * negativeSteps[i][c];
                }
                double v = keep * covariance[r][c] + params.c1 * pathC[r] * pathC[c] + params.cMu * rankMu;
                covariance[r][c] = v;
                covariance[c][r] = v;
            }
        }
        sigma *= params.sigmaFactor(psNorm);
        if (generation() + 1 - eigenGeneration > eigenInterval()) {
            refreshEigenbasis(generation() + 1);
        }
    }

    /**
     * Generations between eigen-decompositions. The tutorial's rule is λ/((c₁+c_μ)·n·10)
     * <em>evaluations</em> (purecmaes counts counteval), i.e. 1/((c₁+c_μ)·n·10) generations; reading
     * it as generations refreshed λ times too rarely (every 3rd generation at n = 10, λ = 10), so
     * samples came from a stale B, D (docs/BENCHMARKS.md, bench optimizers).
     */
    public double eigenInterval() {
        return 1 / ((params.c1 + params.cMu) * mean.length * 10);
    }

    /** C^(−1/2)·v = B D⁻¹ Bᵀ v. */
    private double[] inverseSqrtC(double[] v) {
        int n = v.length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double[] bi = basis[i];
            for (int k = 0; k < n; k++) {
                t[k] += bi[k] * v[i];
            }
        }
        for (int k = 0; k < n; k++) {
            t[k] /= axisLengths[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] bi = basis[i];
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += bi[k] * t[k];
            }
            out[i] = s;
        }
        return out;
    }

    /** Decomposes C now (the lazy schedule does it in {@code tell}). */
    public void refreshEigenbasis() {
        refreshEigenbasis(generation());
    }

    /** The same, recorded as done at {@code atGeneration} (tell refreshes for the generation it begins). */
    private void refreshEigenbasis(int atGeneration) {
        eigenGeneration = atGeneration;
        int n = mean.length;
        SymmetricEigen.Result e;
        if (eigenSolver == EigenSolver.JACOBI) {
            // Bᵀ C B is nearly diagonal, so Jacobi needs only a sweep or two; the new basis is B·V
            e = SymmetricEigen.jacobi(multiply(transpose(basis), multiply(covariance, basis)));
            basis = multiply(basis, e.vectors());
        } else {
            e = SymmetricEigen.decompose(covariance);
            basis = e.vectors();
        }
        double max = Vectors.max(e.values());
        double min = Vectors.min(e.values());
        if (min <= 0 || max / min > MAX_CONDITION) {
            // lift the spectrum so the condition stays bounded and every axis positive
            double lift = max / MAX_CONDITION - Math.min(0, min);
            for (int i = 0; i < n; i++) {
                covariance[i][i] += lift;
                e.values()[i] += lift;
            }
        }
        double[] lengths = new double[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = Math.sqrt(e.values()[i]);
        }
        axisLengths = lengths;
    }

    /** The generation at which C was last decomposed. */
    public int eigenGeneration() {
        return eigenGeneration;
    }

    /** A copy of the covariance matrix C (without σ²). */
    public double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /** max/min eigenvalue of C as of the last decomposition. */
    public double condition() {
        double max = Vectors.max(axisLengths);
        double min = Vectors.min(axisLengths);
        return (max * max) / (min * min);
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("sigma", sigma, "condition", condition(), "path_sigma_norm", Vectors.norm(pathSigma));
    }

    private static double[][] transpose(double[][] m) {
        int n = m.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** Plain i-k-j product: rows of b are walked contiguously. */
    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    oi[j] += aik * bk[j];
                }
            }
        }
        return out;
    }
}
