package io.morphospark.models.optim;

import java.io.Serializable;

/**
 * Where a population's candidate vectors come from: either the vectors themselves, or a recipe
 * an executor can expand locally. Whatever an executor needs is in the source, so its serialised
 * size is what the driver ships per generation.
 */
public sealed interface CandidateSource extends Serializable permits ExplicitCandidates, GaussianPerturbations {
    int size();

    /** Candidate i as a fresh array (callers may modify it). */
    double[] candidate(int i);

    /** Bytes of this source under Java serialisation, the way Spark ships closures. */
    default long shippedBytes() {
        return SerializedSize.of(this);
    }
}
