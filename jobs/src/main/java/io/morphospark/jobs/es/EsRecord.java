package io.morphospark.jobs.es;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.HistoryLog;
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
import java.util.Map;

/**
 * What a checkpoint says about the run's recorded history: how many generations, how much of the
 * staging {@link HistoryLog} they fill, and the last best candidate. The rows themselves live in
 * the log (and at the end in the tables), so this record has the same size at every generation.
 */
final class EsRecord implements Serializable {
    private static final long serialVersionUID = 2L;
    static final String GENERATIONS = "generations";
    static final String CANDIDATES = "candidates";
    static final String PATTERNS = "patterns";
    static final String TIMINGS = "timings";

    /** Generations recorded. */
    int generations;
    /** Bytes of the staging history log that hold exactly these generations' rows. */
    long historyLength;
    /** Parameters of the last generation's best candidate. */
    double[] lastBest;
    /**
     * Whether the rows are in the run's committed tables and not in a history log: the checkpoint
     * a finished run keeps (written just before the log is deleted and the run committed).
     */
    boolean rowsInTables;

    /** This record for the checkpoint a finished run keeps: its tables hold the rows. */
    EsRecord compact() {
        EsRecord c = new EsRecord();
        c.generations = generations;
        c.lastBest = lastBest;
        c.rowsInTables = true;
        return c;
    }

    /** The staging log this record describes: a new one before the first generation. */
    HistoryLog openLog(Path staging) {
        if (rowsInTables) {
            throw new IllegalStateException("the rows are in the tables; restore them first");
        }
        return generations == 0 && historyLength == 0 ? HistoryLog.create(staging) : HistoryLog.reopen(staging, historyLength);
    }

    /**
     * Reads the rows a {@link #compact()} record left in the tables of {@code tablesDir} into a new
     * history log in {@code staging} (one batch), so the run can go on appending to it.
     */
    void restoreRows(SparkSession spark, Path tablesDir, Path staging) {
        if (!rowsInTables) {
            return;
        }
        List<Row> generationRows = read(spark, tablesDir, EsTables.GENERATIONS, "generation");
        if (generationRows.size() != generations) {
            throw new BadInputException("table " + tablesDir.resolve(EsTables.GENERATIONS) + " holds " + generationRows.size()
                    + " generations but the checkpoint " + generations + "; the run is damaged");
        }
        Map<String, List<Row>> batch = new java.util.LinkedHashMap<>();
        batch.put(GENERATIONS, generationRows);
        batch.put(CANDIDATES, read(spark, tablesDir, EsTables.CANDIDATES, "generation", "candidate"));
        batch.put(TIMINGS, read(spark, tablesDir, EsTables.TIMINGS, "generation"));
        if (Files.exists(tablesDir.resolve(EsTables.PATTERNS))) {
            batch.put(PATTERNS, read(spark, tablesDir, EsTables.PATTERNS, "generation", "replicate"));
        }
        historyLength = HistoryLog.create(staging).append(batch);
        rowsInTables = false;
    }

    private static List<Row> read(SparkSession spark, Path runDir, String table, String... order) {
        Path dir = runDir.resolve(table);
        if (spark == null) { // only an extended run reads its tables back, and extending is a Spark job
            throw new IllegalStateException("reading back " + dir + " needs a Spark session; resume this run with 'es --resume'");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("table " + dir + " is missing; the run cannot be continued");
        }
        return ParquetTables.read(spark, dir).orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length))
                .collectAsList();
    }

    /** Every row the log holds, by table, and the generation statistics they carry. */
    record History(List<Row> generationRows, List<Row> candidateRows, List<Row> patternRows, List<Row> timingRows,
                   List<GenerationStats> stats) {
        static History of(HistoryLog log) {
            Map<String, List<Object>> all = log.readAll();
            List<Row> generations = rows(all, GENERATIONS);
            List<GenerationStats> stats = new ArrayList<>(generations.size());
            for (Row r : generations) { // the columns EsRecorder wrote from GenerationStats
                stats.add(new GenerationStats(r.getInt(0), r.getInt(4), r.getDouble(1), r.getDouble(2), r.getDouble(3),
                        r.getInt(5)));
            }
            return new History(generations, rows(all, CANDIDATES), rows(all, PATTERNS), rows(all, TIMINGS), stats);
        }

        private static List<Row> rows(Map<String, List<Object>> all, String stream) {
            List<Row> out = new ArrayList<>();
            for (Object o : all.getOrDefault(stream, List.of())) {
                out.add((Row) o);
            }
            return out;
        }

        GenerationStats last() {
            return stats.get(stats.size() - 1);
        }
    }
}
