package io.morphospark.models.problem;

import java.io.Serializable;

/** What an executor returns for a block of replicates of one candidate: small, plain data. */
public interface BlockResult extends Serializable {
    int firstReplicate();

    int count();
}
