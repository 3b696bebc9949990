package io.morphospark.models.optim;

/**
 * The candidates an optimiser asks to be evaluated in one generation. {@code parents[i]} is the
 * index, in the previous generation, of the candidate that candidate i came from (−1 if none).
 */
public record Population(int generation, double[][] candidates, int[] parents) implements java.io.Serializable {
    public int size() {
        return candidates.length;
    }
}
