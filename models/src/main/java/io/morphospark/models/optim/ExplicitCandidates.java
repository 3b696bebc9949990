package io.morphospark.models.optim;

/** Candidates shipped as full vectors: for optimisers whose candidates are no cheap recipe (GA, full CMA-ES). */
public record ExplicitCandidates(double[][] vectors) implements CandidateSource {
    private static final long serialVersionUID = 1L;

    @Override
    public int size() {
        return vectors.length;
    }

    @Override
    public double[] candidate(int i) {
        return vectors[i].clone();
    }
}
