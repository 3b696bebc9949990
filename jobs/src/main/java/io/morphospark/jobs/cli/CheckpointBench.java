package io.morphospark.jobs.cli;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.EsJob;
import io.morphospark.jobs.es.EsSettings;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code morphospark bench checkpoint}: the per-generation cost outside evaluation (checkpoint,
 * history rows, optimiser, bookkeeping) over a long run of a trivial problem, window by window, so
 * that growth with the generation count shows (issue 17: it must stay flat).
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Per-generation overhead outside evaluation (timings/: elapsed_ms - evaluate_ms) of "
                + "es --problem rosenbrock --dim 10 --algorithm cma-es --population 10, median per window of generations.")
final class CheckpointBench implements Runnable {
    @Option(names = "--generations", defaultValue = "1000", description = "Generations to run (default: ${DEFAULT-VALUE}).")
    int generations;
    @Option(names = "--window", defaultValue = "100", description = "Generations per reported median (default: ${DEFAULT-VALUE}).")
    int window;
    @Option(names = "--out", description = "Keep the run here (default: a temporary directory, deleted afterwards).")
    Path out;
    @Mixin SparkOptions spark;

    @Override
    public void run() {
        BenchCommand.atLeast("--generations", generations, 1);
        BenchCommand.atLeast("--window", window, 1);
        if (spark.master == null) {
            spark.master = "local[2]";
        }
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.problem.name = "rosenbrock";
        s.problem.dim = 10;
        s.optimizer.algorithm = "cma-es";
        s.optimizer.population = 10;
        s.generations = generations;
        Path scratch = null;
        try {
            Path run = out;
            if (run == null) {
                scratch = Files.createTempDirectory("morphospark-bench-checkpoint");
                run = scratch.resolve("run");
            }
            Path target = run;
            spark.withSession("morphospark-bench", session -> {
                new EsJob(session, s, new PrintStream(PrintStream.nullOutputStream())).run(target);
                List<Row> timings = ParquetTables.read(session, target.resolve(EsTables.TIMINGS)).orderBy("generation")
                        .collectAsList();
                System.out.printf("checkpoint: rosenbrock-10, cma-es, population 10, %d generations, master %s%n",
                        generations, session.sparkContext().master());
                System.out.printf("  %-15s %12s %12s %12s%n", "generations", "overhead ms", "elapsed ms", "evaluate ms");
                for (int from = 0; from < timings.size(); from += window) {
                    int to = Math.min(timings.size(), from + window);
                    double[] overhead = new double[to - from];
                    double[] elapsed = new double[to - from];
                    double[] evaluate = new double[to - from];
                    for (int g = from; g < to; g++) {
                        Row r = timings.get(g);
                        elapsed[g - from] = r.getLong(1);
                        evaluate[g - from] = r.getLong(2);
                        overhead[g - from] = r.getLong(1) - r.getLong(2);
                    }
                    System.out.printf("  %-15s %12.1f %12.1f %12.1f%n", from + "-" + (to - 1), median(overhead), median(elapsed),
                            median(evaluate));
                }
                System.out.printf("  checkpoint of the finished run: %,d bytes (medians per window; timings are whole ms)%n",
                        size(target.resolve(Checkpoint.FILE)));
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
