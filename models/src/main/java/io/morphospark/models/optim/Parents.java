package io.morphospark.models.optim;

import java.io.Serializable;

/** The μ fittest candidates of a generation, best first, with their indices in it. */
record Parents(double[][] vectors, int[] indices) implements Serializable {
    static Parents best(double[][] candidates, double[] fitness, int mu) {
        Integer[] order = Ranking.bestFirst(fitness);
        double[][] vectors = new double[mu][];
        int[] indices = new int[mu];
        for (int i = 0; i < mu; i++) {
            vectors[i] = candidates[order[i]];
            indices[i] = order[i];
        }
        return new Parents(vectors, indices);
    }

    int size() {
        return indices.length;
    }
}
