package io.morphospark.models.optim;

/**
 * The candidates an optimiser asks to be evaluated in one generation. {@code parents[i]} is the
 * index, in the previous generation, of the candidate that candidate i came from; {@code parents}
 * is null when no candidate has a single parent (all are samples of the current search
 * distribution), so that a recipe population stays small whatever its size.
 */
public record Population(int generation, CandidateSource candidates, int[] parents) implements java.io.Serializable {
    private static final long serialVersionUID = 2L;

    /** A population shipped as full vectors. */
    public static Population explicit(int generation, double[][] vectors, int[] parents) {
        return new Population(generation, new ExplicitCandidates(vectors), parents);
    }

    /** A population of samples of a search distribution: no parents. */
    public static Population sampled(int generation, CandidateSource candidates) {
        return new Population(generation, candidates, null);
    }

    public int size() {
        return candidates.size();
    }

    /** Candidate i as a fresh array. */
    public double[] candidate(int i) {
        return candidates.candidate(i);
    }

    /** The parent of candidate i in the previous generation, −1 if none. */
    public int parent(int i) {
        return parents == null ? -1 : parents[i];
    }

    /** What shipping this population to executors costs, in bytes of Java serialisation. */
    public long shippedBytes() {
        return SerializedSize.of(this);
    }
}
