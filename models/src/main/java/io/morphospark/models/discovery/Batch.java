package io.morphospark.models.discovery;

/**
 * Genomes a search asks to evaluate, with their lineage: {@code parents[i]} is {g₁, c₁, g₂, c₂},
 * the (generation, candidate) of the evaluations candidate i was made from, −1 where none.
 */
public record Batch(double[][] genomes, int[][] parents) {
    public static final int[] NONE = {-1, -1, -1, -1};

    public static int[] of(Elite a) {
        return new int[] {a.generation(), a.candidate(), -1, -1};
    }

    public static int[] of(Elite a, Elite b) {
        return new int[] {a.generation(), a.candidate(), b.generation(), b.candidate()};
    }
}
