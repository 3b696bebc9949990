package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.catalog.RunCatalog;
import io.morphospark.jobs.plots.Plots;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

/** {@code morphospark runs}: the run catalogue of a root (every run below it, from sweeps or not). */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The run catalogue: ROOT/catalog, a Parquet table with a row per run below ROOT (job, trial id, "
                + "sweep, flattened config, config hash, status, start, end, wall time, summary.json metrics).",
        subcommands = {RunsCommand.Index.class, RunsCommand.ListRuns.class, RunsCommand.Compare.class, RunsCommand.Best.class})
final class RunsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "index", mixinStandardHelpOptions = true, description = "Scan ROOT and (re)write ROOT/catalog "
            + "atomically (a catalog this command did not write is never replaced).")
    static final class Index implements Callable<Integer> {
        @Parameters(paramLabel = "ROOT", description = "Directory whose runs to list, at any depth.")
        Path root;
        @Mixin
        SparkOptions spark;

        @Override
        public Integer call() {
            long n = spark.withQuietSession("morphospark-runs", s -> RunCatalog.index(s, root));
            System.out.printf("runs: %d runs catalogued in %s%n", n, root.toAbsolutePath().normalize().resolve(RunCatalog.DIRECTORY));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the catalogue of ROOT as a table.")
    static final class ListRuns implements Callable<Integer> {
        @Parameters(paramLabel = "ROOT")
        Path root;
        @Option(names = "--sweep", description = "Only the runs of this sweep.")
        String sweep;
        @Option(names = "--metric", description = "Add this summary.json metric as a column.")
        String metric;
        @Mixin
        SparkOptions spark;

        @Override
        public Integer call() {
            spark.withQuietSession("morphospark-runs", s -> {
                Dataset<Row> c = RunCatalog.read(s, root);
                if (sweep != null) {
                    c = c.where(col("sweep").equalTo(lit(sweep)));
                }
                List<Row> rows = c.select(col("run"), col("job"), col("trial_id"), col("sweep"), col("status"),
                                col("wall_time_s"), metric == null ? lit(null).cast("double") : element_at(col("metrics"), lit(metric)))
                        .orderBy("run").collectAsList();
                System.out.printf("%-12s %-20s %-16s %-11s %9s %12s  %s%n", "trial", "job", "sweep", "status", "wall_s",
                        metric == null ? "" : metric, "run");
                for (Row r : rows) {
                    System.out.printf("%-12s %-20s %-16s %-11s %9s %12s  %s%n", r.getString(2), r.getString(1),
                            r.isNullAt(3) ? "-" : r.getString(3), r.getString(4),
                            r.isNullAt(5) ? "-" : String.format("%.1f", r.getDouble(5)),
                            metric == null ? "" : r.isNullAt(6) ? "-" : String.format("%.6g", r.getDouble(6)), r.getString(0));
                }
                System.out.printf("runs: %d runs%n", rows.size());
                return null;
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "A metric against a configuration "
            + "parameter over the finished runs: per value of the parameter, count, mean, min, max and the best run; "
            + "and a PNG of every run's metric against the parameter.")
    static final class Compare implements Callable<Integer> {
        @Parameters(paramLabel = "ROOT")
        Path root;
        @Option(names = "--metric", required = true, description = "A summary.json field, e.g. final_loss or final_best_fitness.")
        String metric;
        @Option(names = "--by", required = true, paramLabel = "PARAM", description = "A configuration field (dotted, "
                + "as in run.json), e.g. seed or optimizer.algorithm.")
        String by;
        @Option(names = "--goal", defaultValue = "max", description = "Which end of the metric is best: max or min "
                + "(default: ${DEFAULT-VALUE}).")
        String goal;
        @Option(names = "--sweep", description = "Only the runs of this sweep.")
        String sweep;
        @Option(names = "--png", description = "Where to draw the plot (default: ROOT/plots/compare-METRIC-by-PARAM.png).")
        Path png;
        @Mixin
        SparkOptions spark;

        @Override
        public Integer call() {
            if (!goal.equals("max") && !goal.equals("min")) {
                throw new BadInputException("--goal must be max or min, got '" + goal + "'");
            }
            Path plot = png != null ? png : root.resolve("plots").resolve("compare-" + metric + "-by-" + by + ".png");
            spark.withQuietSession("morphospark-runs", s -> {
                Dataset<Row> c = RunCatalog.read(s, root).where(col("status").equalTo(lit("finished")));
                if (sweep != null) {
                    c = c.where(col("sweep").equalTo(lit(sweep)));
                }
                List<Row> rows = c.select(element_at(col("config"), lit(by)), element_at(col("metrics"), lit(metric)),
                        col("trial_id"), col("run")).collectAsList();
                rows = rows.stream().filter(r -> !r.isNullAt(0) && !r.isNullAt(1)).toList();
                if (rows.isEmpty()) {
                    throw new BadInputException("no finished run in " + root + " has both the metric '" + metric
                            + "' and the parameter '" + by + "'");
                }
                Map<String, List<Row>> groups = new java.util.TreeMap<>(RunsCommand::compareValues);
                for (Row r : rows) {
                    groups.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
                }
                boolean max = goal.equals("max");
                System.out.printf("%-20s %4s %12s %12s %12s  %-12s %s%n", by, "n", "mean", "min", "max", "best", "best run");
                List<String> labels = new ArrayList<>(groups.keySet());
                boolean numeric = labels.stream().allMatch(RunsCommand::isNumber);
                Map<String, double[][]> series = new LinkedHashMap<>();
                List<double[]> points = new ArrayList<>();
                for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
                    double[] v = g.getValue().stream().mapToDouble(r -> r.getDouble(1)).toArray();
                    Row best = g.getValue().stream().reduce((a, b) -> max == (b.getDouble(1) > a.getDouble(1)) ? b : a).orElseThrow();
                    System.out.printf("%-20s %4d %12.6g %12.6g %12.6g  %-12s %s%n", g.getKey(), v.length,
                            java.util.Arrays.stream(v).average().orElse(Double.NaN), java.util.Arrays.stream(v).min().orElseThrow(),
                            java.util.Arrays.stream(v).max().orElseThrow(), best.getString(2), best.getString(3));
                    double x = numeric ? Double.parseDouble(g.getKey()) : labels.indexOf(g.getKey());
                    for (double y : v) {
                        points.add(new double[] {x, y});
                    }
                }
                series.put(metric, points.toArray(new double[0][]));
                Plots.points(plot, metric + " by " + by, by, metric, series, numeric ? null : labels);
                System.out.printf("runs: %d runs in %d groups; plot %s%n", rows.size(), groups.size(), plot.toAbsolutePath().normalize());
                return null;
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "best", mixinStandardHelpOptions = true, description = "Print the directory of the finished run "
            + "with the best value of a metric (e.g. the NCA seed whose model-best/ to keep), for scripts: "
            + "cp -r \"$(morphospark runs best ROOT --metric best_validation_mse --goal min)/model-best\" ...")
    static final class Best implements Callable<Integer> {
        @Parameters(paramLabel = "ROOT")
        Path root;
        @Option(names = "--metric", required = true, description = "A summary.json field.")
        String metric;
        @Option(names = "--goal", defaultValue = "max", description = "max or min (default: ${DEFAULT-VALUE}).")
        String goal;
        @Option(names = "--sweep", description = "Only the runs of this sweep.")
        String sweep;
        @Mixin
        SparkOptions spark;

        @Override
        public Integer call() {
            if (!goal.equals("max") && !goal.equals("min")) {
                throw new BadInputException("--goal must be max or min, got '" + goal + "'");
            }
            spark.withQuietSession("morphospark-runs", s -> {
                Dataset<Row> c = RunCatalog.read(s, root).where(col("status").equalTo(lit("finished")));
                if (sweep != null) {
                    c = c.where(col("sweep").equalTo(lit(sweep)));
                }
                var value = element_at(col("metrics"), lit(metric));
                List<Row> best = c.where(value.isNotNull()).orderBy(goal.equals("max") ? value.desc() : value.asc(),
                        col("run")).select(col("run")).limit(1).collectAsList();
                if (best.isEmpty()) {
                    throw new BadInputException("no finished run in " + root + " has the metric '" + metric + "'");
                }
                System.out.println(root.toAbsolutePath().normalize().resolve(best.get(0).getString(0)));
                return null;
            });
            return ExitCodes.OK;
        }
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Numbers in numeric order, then text in text order. */
    private static int compareValues(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }
}
