package io.morphospark.models.discovery;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * MAP-Elites' classic variation: a uniformly chosen elite, every parameter gene stepped by
 * N(0, σ²) and each rule gene redrawn with probability {@code ruleRate}. With {@code crossover},
 * the elite is first crossed per trait with a second one (a crossover emitter).
 */
public record GaussianEmitter(int batch, double sigma, double ruleRate, boolean crossover) implements Emitter {
    public GaussianEmitter {
        DiscoverySearch.checkPositive("emitter batch", batch);
        DiscoverySearch.checkSigma(sigma);
        DiscoverySearch.checkRate("rule mutation rate", ruleRate);
    }

    @Override
    public String name() {
        return crossover ? "crossover" : "gaussian";
    }

    @Override
    public Batch emit(Archive archive, long seed, int generation, int offset) {
        double[][] g = new double[batch][];
        int[][] parents = new int[batch][];
        for (int i = 0; i < batch; i++) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.MUTATION, generation, offset + i);
            Elite a = archive.sample(rng);
            double[] child = a.genome();
            parents[i] = Batch.of(a);
            if (crossover && archive.size() > 1) {
                Elite b = archive.sample(rng);
                child = Variation.crossover(child, b.genome(), rng);
                parents[i] = Batch.of(a, b);
            }
            g[i] = Variation.mutate(child, ruleRate, 1.0, sigma, rng);
        }
        return new Batch(g, parents);
    }
}
