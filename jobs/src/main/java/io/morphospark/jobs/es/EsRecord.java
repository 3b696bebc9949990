package io.morphospark.jobs.es;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.models.evaluation.GenerationStats;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /**
     * Whether the table rows were dropped because the run's committed tables hold them: a finished
     * run keeps only this compact record (the rows would make its checkpoint grow every generation).
     */
    boolean rowsInTables;

    /** This record without its table rows, for the checkpoint a finished run keeps. */
    EsRecord compact() {
        EsRecord c = new EsRecord();
        c.stats.addAll(stats);
        c.lastBest = lastBest;
        c.rowsInTables = true;
        return c;
    }

    /** Reads the rows a {@link #compact()} record dropped back from the run's tables in {@code runDir}. */
    void restoreRows(SparkSession spark, Path runDir) {
        if (!rowsInTables) {
            return;
        }
        generationRows.addAll(read(spark, runDir, EsTables.GENERATIONS, "generation"));
        candidateRows.addAll(read(spark, runDir, EsTables.CANDIDATES, "generation", "candidate"));
        timingRows.addAll(read(spark, runDir, EsTables.TIMINGS, "generation"));
        if (Files.exists(runDir.resolve(EsTables.PATTERNS))) {
            patternRows.addAll(read(spark, runDir, EsTables.PATTERNS, "generation", "replicate"));
        }
        if (generationRows.size() != stats.size()) {
            throw new BadInputException("table " + runDir.resolve(EsTables.GENERATIONS) + " holds " + generationRows.size()
                    + " generations but the checkpoint " + stats.size() + "; the run is damaged");
        }
        rowsInTables = false;
    }

    private static List<Row> read(SparkSession spark, Path runDir, String table, String... order) {
        Path dir = runDir.resolve(table);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("table " + dir + " is missing; the run cannot be continued");
        }
        return ParquetTables.read(spark, dir).orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length))
                .collectAsList();
    }

    GenerationStats last() {
        return stats.get(stats.size() - 1);
    }
}
