package io.morphospark.jobs.es;

import io.morphospark.datasets.run.HistoryLog;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.models.evaluation.EvolutionLoop;
import io.morphospark.models.evaluation.GenerationStats;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Listens to the evolution loop: prints a line per generation and collects the rows of the
 * generations, candidates, patterns and timings tables, which {@link #appendGeneration} then
 * appends to the run's {@link HistoryLog} (before the checkpoint that counts them is written).
 */
class EsRecorder implements EvolutionLoop.Listener {
    private final List<String> metricNames;
    private final long cellStepsPerCandidate;
    private final int generations;
    private final Supplier<Map<String, Double>> optimizerState;
    private final PrintStream console;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    private final EsRecord record;
    private final HistoryLog log;
    private final Map<String, List<Row>> pending = new LinkedHashMap<>();

    EsRecorder(EsRecord record, HistoryLog log, List<String> metricNames, long cellStepsPerCandidate, int generations,
               Supplier<Map<String, Double>> optimizerState, PrintStream console) {
        this.record = record;
        this.log = log;
        this.metricNames = metricNames;
        this.cellStepsPerCandidate = cellStepsPerCandidate;
        this.generations = generations;
        this.optimizerState = optimizerState;
        this.console = console;
    }

    @Override
    public void generation(Population population, Evaluation[] evaluations, GenerationStats s, long evaluateNanos) {
        int g = population.generation();
        Evaluation best = evaluations[s.best()];
        List<Object> gen = new ArrayList<>(List.of(g, s.bestFitness(), s.mean(), s.std(), s.best(), s.invalid()));
        for (double m : best.metrics()) {
            gen.add(m);
        }
        gen.add((long) evaluations.length);
        gen.add(cellStepsPerCandidate * evaluations.length);
        gen.add(population.shippedBytes());
        gen.add(new TreeMap<>(optimizerState.get()));
        rows(EsRecord.GENERATIONS).add(RowFactory.create(gen.toArray()));

        for (int i = 0; i < evaluations.length; i++) {
            Evaluation e = evaluations[i];
            List<Object> row = new ArrayList<>(List.of(g, i, population.parent(i), e.fitness(), e.invalid()));
            for (double m : e.metrics()) {
                row.add(m);
            }
            row.add(population.candidate(i));
            rows(EsRecord.CANDIDATES).add(RowFactory.create(row.toArray()));
        }
        if (best.patterns() != null) {
            int n = best.patternWidth();
            for (int r = 0; r < best.patterns().length / n; r++) {
                StringBuilder p = new StringBuilder(n);
                int ones = 0;
                for (int i = 0; i < n; i++) {
                    byte b = best.patterns()[r * n + i];
                    p.append(b);
                    ones += b;
                }
                rows(EsRecord.PATTERNS).add(RowFactory.create(g, r, p.toString(), ones));
            }
        }
        long now = System.nanoTime();
        rows(EsRecord.TIMINGS).add(RowFactory.create(g, (now - lastNanos) / 1_000_000, evaluateNanos / 1_000_000));
        lastNanos = now;
        record.lastBest = population.candidate(s.best());
        console.printf("generation %4d/%d  best %s  mean %s  std %s  invalid %d of %d  elapsed %.1f s%n",
                g + 1, generations, number(s.bestFitness()), number(s.mean()), number(s.std()), s.invalid(),
                evaluations.length, (now - startNanos) / 1e9);
    }

    private List<Row> rows(String table) {
        return pending.computeIfAbsent(table, t -> new ArrayList<>());
    }

    /** Appends the rows of the generation just recorded to the log and counts them in the record. */
    void appendGeneration() {
        if (pending.isEmpty()) {
            return;
        }
        record.historyLength = log.append(pending);
        record.generations++;
        pending.clear();
    }

    /** A statistic, or "undefined" where no valid candidate defines it (never -Infinity or NaN). */
    private static String number(double v) {
        return Double.isFinite(v) ? String.format("%.5f", v) : "undefined";
    }

    void writeTables(SparkSession spark, RunDirectory dir, EsRecord.History h) {
        ParquetTables.write(spark, EsTables.generations(metricNames), h.generationRows(), dir.resolve(EsTables.GENERATIONS));
        // one row per candidate: megabytes in long runs, so shipped as a broadcast
        ParquetTables.writeLarge(spark, EsTables.candidates(metricNames), h.candidateRows(), dir.resolve(EsTables.CANDIDATES));
        ParquetTables.write(spark, EsTables.timings(), h.timingRows(), dir.resolve(EsTables.TIMINGS));
        if (!h.patternRows().isEmpty()) {
            ParquetTables.write(spark, EsTables.patterns(), h.patternRows(), dir.resolve(EsTables.PATTERNS));
        }
    }
}
