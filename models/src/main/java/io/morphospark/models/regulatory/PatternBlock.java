package io.morphospark.models.regulatory;

import io.morphospark.models.problem.BlockResult;

/** Final binary fates of a block of replicates ({@code fates[r * cells + i]}), and whether any state went non-finite. */
public record PatternBlock(int firstReplicate, int count, byte[] fates, boolean nonFinite) implements BlockResult {
}
