package io.morphospark.models.discovery;

import java.io.Serializable;

/**
 * One row of the generations table: the generation's performance statistics, the seed's
 * population diversity (distinct rule triples / candidates), and the archive's QD measures after
 * the generation (QD-score with offset {@link Archive#QD_OFFSET}).
 */
public record GenerationMetrics(int generation, int candidates, long evaluationsTotal, double bestPerformance,
                                double meanPerformance, double bestEver, int invalid, double diversity, int elites,
                                double coverage, double qdScore, double archiveBest, double archiveMean, int newCells,
                                int improvedCells) implements Serializable {
}
