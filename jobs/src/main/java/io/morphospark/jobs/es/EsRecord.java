package io.morphospark.jobs.es;

import io.morphospark.models.evaluation.GenerationStats;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Everything a run has recorded so far: table rows and statistics. Part of every checkpoint. */
final class EsRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    final List<Row> generationRows = new ArrayList<>();
    final List<Row> candidateRows = new ArrayList<>();
    final List<Row> patternRows = new ArrayList<>();
    final List<Row> timingRows = new ArrayList<>();
    final List<GenerationStats> stats = new ArrayList<>();
    /** Parameters of the last generation's best candidate. */
    double[] lastBest;

    GenerationStats last() {
        return stats.get(stats.size() - 1);
    }
}
