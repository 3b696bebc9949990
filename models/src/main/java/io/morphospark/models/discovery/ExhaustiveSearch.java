package io.morphospark.models.discovery;

import io.morphospark.models.problem.Evaluation;

import java.util.Map;

/**
 * Every rule triple at its default parameters, in enum order, {@code batch} per generation: the
 * ground-truth table any search is judged against ({@link Genome#TRIPLES} evaluations in all).
 */
public final class ExhaustiveSearch extends DiscoverySearch {
    private static final long serialVersionUID = 1L;
    private final int batch;

    public ExhaustiveSearch(int batch) {
        super("exhaustive");
        checkPositive("population", batch);
        this.batch = batch;
    }

    /** Generations needed to evaluate every triple. */
    public int generationsNeeded() {
        return (Genome.TRIPLES + batch - 1) / batch;
    }

    @Override
    public boolean exhausted() {
        return generation() >= generationsNeeded();
    }

    @Override
    protected Batch sample(int generation) {
        int from = generation * batch;
        int n = Math.min(batch, Genome.TRIPLES - from);
        double[][] g = new double[n][];
        int[][] parents = new int[n][];
        for (int i = 0; i < n; i++) {
            g[i] = Genome.triple(from + i);
            parents[i] = Batch.NONE;
        }
        return new Batch(g, parents);
    }

    @Override
    protected void update(double[][] genomes, Evaluation[] evaluations) {
        // nothing to learn: the table is fixed in advance
    }

    @Override
    public Map<String, Double> stateSummary() {
        return Map.of("evaluated_triples", (double) Math.min(Genome.TRIPLES, generation() * batch));
    }
}
