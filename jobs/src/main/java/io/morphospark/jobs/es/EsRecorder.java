package io.morphospark.jobs.es;

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
import scala.jdk.javaapi.CollectionConverters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Listens to the evolution loop: prints a line per generation and keeps the rows of the
 * generations, candidates, patterns and timings tables, written when the run ends.
 */
final class EsRecorder implements EvolutionLoop.Listener {
    private final List<String> metricNames;
    private final long cellStepsPerCandidate;
    private final int generations;
    private final Supplier<Map<String, Double>> optimizerState;
    private final PrintStream console;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    final List<Row> generationRows = new ArrayList<>();
    final List<Row> candidateRows = new ArrayList<>();
    final List<Row> patternRows = new ArrayList<>();
    final List<Row> timingRows = new ArrayList<>();
    final List<GenerationStats> stats = new ArrayList<>();
    Population lastPopulation;
    Evaluation[] lastEvaluations;

    EsRecorder(List<String> metricNames, long cellStepsPerCandidate, int generations,
               Supplier<Map<String, Double>> optimizerState, PrintStream console) {
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
        gen.add(CollectionConverters.asScala(new TreeMap<>(optimizerState.get())));
        generationRows.add(RowFactory.create(gen.toArray()));

        for (int i = 0; i < evaluations.length; i++) {
            Evaluation e = evaluations[i];
            List<Object> row = new ArrayList<>(List.of(g, i, population.parent(i), e.fitness(), e.invalid()));
            for (double m : e.metrics()) {
                row.add(m);
            }
            row.add(population.candidate(i));
            candidateRows.add(RowFactory.create(row.toArray()));
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
                patternRows.add(RowFactory.create(g, r, p.toString(), ones));
            }
        }
        long now = System.nanoTime();
        timingRows.add(RowFactory.create(g, (now - lastNanos) / 1_000_000, evaluateNanos / 1_000_000));
        lastNanos = now;
        stats.add(s);
        lastPopulation = population;
        lastEvaluations = evaluations;
        console.printf("generation %4d/%d  best %.5f  mean %.5f  std %.5f  invalid %d  elapsed %.1f s%n",
                g + 1, generations, s.bestFitness(), s.mean(), s.std(), s.invalid(), (now - startNanos) / 1e9);
    }

    void writeTables(SparkSession spark, RunDirectory dir) {
        ParquetTables.write(spark, EsTables.generations(metricNames), generationRows, dir.resolve(EsTables.GENERATIONS));
        ParquetTables.write(spark, EsTables.candidates(metricNames), candidateRows, dir.resolve(EsTables.CANDIDATES));
        ParquetTables.write(spark, EsTables.timings(), timingRows, dir.resolve(EsTables.TIMINGS));
        if (!patternRows.isEmpty()) {
            ParquetTables.write(spark, EsTables.patterns(), patternRows, dir.resolve(EsTables.PATTERNS));
        }
    }
}
