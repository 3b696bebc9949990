package io.morphospark.models.optim;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * A population as a recipe: candidate i is {@code centre + sigma · scale ⊙ ε_i}, where ε_i is
 * standard normal noise drawn from the stream (seed, PERTURBATION, generation, k). Only the centre,
 * the step sizes and the seed travel; every executor regenerates the same ε_i bit for bit.
 *
 * <p>With {@code antithetic}, candidates come in mirrored pairs: 2k uses +ε_k and 2k+1 uses −ε_k,
 * both drawn from stream k, which halves the variance of gradient estimates (Salimans et al. 2017).
 *
 * @param scale per-coordinate step sizes multiplied with sigma, or null for the scalar sigma alone
 */
public record GaussianPerturbations(double[] centre, double sigma, double[] scale, long seed, int generation,
                                    int count, boolean antithetic) implements CandidateSource {
    private static final long serialVersionUID = 1L;

    public GaussianPerturbations {
        if (antithetic && count % 2 != 0) {
            throw new IllegalArgumentException("antithetic sampling needs an even population, got " + count);
        }
        if (scale != null && scale.length != centre.length) {
            throw new IllegalArgumentException("scale has " + scale.length + " coordinates, centre " + centre.length);
        }
    }

    @Override
    public int size() {
        return count;
    }

    public int dimension() {
        return centre.length;
    }

    /** The standard normal noise ε_i of candidate i (negated for the second of an antithetic pair). */
    public double[] noise(int i) {
        int stream = antithetic ? i / 2 : i;
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.PERTURBATION, generation, stream);
        double[] z = new double[centre.length];
        boolean mirrored = antithetic && i % 2 == 1;
        for (int j = 0; j < z.length; j++) {
            double e = rng.nextGaussian();
            z[j] = mirrored ? -e : e;
        }
        return z;
    }

    @Override
    public double[] candidate(int i) {
        double[] x = noise(i);
        for (int j = 0; j < x.length; j++) {
            double step = scale == null ? sigma : sigma * scale[j];
            x[j] = centre[j] + step * x[j];
        }
        return x;
    }
}
