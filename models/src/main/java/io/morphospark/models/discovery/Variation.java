package io.morphospark.models.discovery;

import java.util.SplittableRandom;

/** The variation operators the searches share, per trait of a {@link Genome}. */
final class Variation {
    private Variation() {
    }

    /** Each trait (each rule gene, each parameter gene) from {@code a} or {@code b} with equal probability. */
    static double[] crossover(double[] a, double[] b, SplittableRandom rng) {
        double[] child = a.clone();
        for (int k = 0; k < child.length; k++) {
            if (rng.nextBoolean()) {
                child[k] = b[k];
            }
        }
        return child;
    }

    /**
     * With probability {@code ruleRate} per rule gene, a uniformly drawn rule (possibly the same);
     * with probability {@code parameterRate} per parameter gene, a Gaussian step of {@code sigma}
     * (in normalised units), clamped to the range.
     */
    static double[] mutate(double[] genome, double ruleRate, double parameterRate, double sigma, SplittableRandom rng) {
        double[] child = genome.clone();
        for (int k = 0; k < Genome.RULE_GENES; k++) {
            if (rng.nextDouble() < ruleRate) {
                child[k] = Genome.ruleGene(rng.nextInt(Genome.rules(k)), Genome.rules(k));
            }
        }
        for (int k = Genome.RULE_GENES; k < child.length; k++) {
            if (rng.nextDouble() < parameterRate) {
                child[k] += sigma * rng.nextGaussian();
            }
        }
        return Genome.canonical(child);
    }
}
