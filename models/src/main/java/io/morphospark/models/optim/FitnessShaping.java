package io.morphospark.models.optim;

/**
 * Rank-based fitness shaping. Only the order of fitnesses matters, so a −∞ or NaN fitness (an
 * invalid candidate) is simply the worst rank and cannot poison an update with non-finite numbers.
 */
public final class FitnessShaping {
    private FitnessShaping() {
    }

    /** Centred ranks (Salimans et al. 2017): worst −0.5 … best +0.5, linear in rank, summing to 0. */
    public static double[] centredRanks(double[] fitness) {
        int n = fitness.length;
        double[] shaped = new double[n];
        if (n < 2) {
            return shaped;
        }
        Integer[] order = Ranking.bestFirst(fitness);
        for (int j = 0; j < n; j++) {
            shaped[order[j]] = (n - 1 - j) / (double) (n - 1) - 0.5;
        }
        return shaped;
    }

    /**
     * NES utilities by rank, best first (Wierstra et al. 2014): max(0, ln(λ/2+1) − ln k), normalised
     * to sum 1, minus 1/λ, so the worse half pushes away and the whole set sums to 0.
     */
    public static double[] nesUtilities(int lambda) {
        double[] u = new double[lambda];
        double sum = 0;
        for (int k = 1; k <= lambda; k++) {
            u[k - 1] = Math.max(0, Math.log(lambda / 2.0 + 1) - Math.log(k));
            sum += u[k - 1];
        }
        for (int k = 0; k < lambda; k++) {
            u[k] = u[k] / sum - 1.0 / lambda;
        }
        return u;
    }
}
