package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.tables.EsTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.ReplicateStreams;
import io.morphospark.models.regulatory.LateralInhibitionConfig;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import io.morphospark.models.regulatory.LateralInhibitionSimulator;
import io.morphospark.models.regulatory.PatternUtility;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a lateral-inhibition run adds beyond the generic tables: the final best network's learned
 * function, its trajectories, a validation on fresh noise, and the plots of both.
 */
final class LateralInhibitionArtifacts {
    /** The seed's hand-drawn target for a lateral-inhibition regulatory function. */
    static double reference(double sBar) {
        return Math.tanh(-5.0 * (sBar - 0.5));
    }

    private final LateralInhibitionProblem problem;
    private final LateralInhibitionSimulator simulator;
    private final double[] best;
    private final long seed;

    LateralInhibitionArtifacts(LateralInhibitionProblem problem, double[] best, long seed) {
        this.problem = problem;
        this.simulator = problem.simulator();
        this.best = best;
        this.seed = seed;
    }

    /** f(s̄) on 101 points of [0, 1]. */
    double[][] learnedFunction() {
        int n = 101;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 100f;
        }
        simulator.network().evaluator(best, n).apply(x, y, n);
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = i / 100.0; // the exact grid point, not its float rounding
            xy[1][i] = y[i];
        }
        return xy;
    }

    void write(SparkSession spark, RunDirectory dir, int trajectoryReplicates, int stride, int validationReplicates,
               ObjectNode summary) {
        double[][] f = learnedFunction();
        List<Row> fRows = new ArrayList<>();
        double[] ref = new double[f[0].length];
        for (int i = 0; i < f[0].length; i++) {
            ref[i] = reference(f[0][i]);
            fRows.add(RowFactory.create(f[0][i], f[1][i], ref[i]));
        }
        ParquetTables.write(spark, EsTables.learnedFunction(), fRows, dir.resolve(EsTables.LEARNED_FUNCTION));
        Plots.lines(dir.resolve("plots/learned_function.png"), "Learned regulatory function", "neighbour mean s̄", "f(s̄)",
                f[0], Plots.series("learned f", f[1], "reference tanh(−5(s̄−0.5))", ref));

        LateralInhibitionConfig cfg = problem.config();
        if (trajectoryReplicates > 0) {
            List<Row> rows = new ArrayList<>();
            simulator.simulate(best, new ReplicateStreams(seed, Purpose.REPLAY, 0, 0), 0, trajectoryReplicates, stride,
                    (step, states, count, cells) -> {
                        for (int r = 0; r < count; r++) {
                            float[] row = new float[cells];
                            System.arraycopy(states, r * cells, row, 0, cells);
                            rows.add(RowFactory.create(r, step, step * cfg.dt(), row));
                        }
                    });
            // megabytes at preset sizes: shipped as a broadcast, not inside the write task
            ParquetTables.writeLarge(spark, EsTables.trajectories(), rows, dir.resolve(EsTables.TRAJECTORIES));
        }

        // Validation on fresh noise: the selection's own fitness is biased upwards by choosing the max.
        // Patterns and utility cover the cells the network controls (not a fixed boundary's clamps).
        float[] states = simulator.simulate(best, new ReplicateStreams(seed, Purpose.REPLAY, 1, 0), 0, validationReplicates);
        byte[] fates = simulator.controlledFates(states);
        int n = cfg.controlledCells();
        int invalid = LateralInhibitionSimulator.nonFiniteReplicates(states, cfg.cells());
        PatternUtility.Result u = PatternUtility.hard(fates, validationReplicates, n);
        List<String> patterns = new ArrayList<>(validationReplicates);
        Map<String, Integer> counts = new TreeMap<>();
        for (int r = 0; r < validationReplicates; r++) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < n; i++) {
                p.append(fates[r * n + i]);
            }
            boolean finite = LateralInhibitionSimulator.nonFiniteReplicates(
                    java.util.Arrays.copyOfRange(states, r * cfg.cells(), (r + 1) * cfg.cells()), cfg.cells()) == 0;
            patterns.add(finite ? p.toString() : null);
            counts.merge(p.toString(), 1, Integer::sum);
        }
        String mode = null; // most frequent; ties go to the smallest pattern, as TreeMap iterates in order
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (mode == null || e.getValue() > counts.get(mode)) {
                mode = e.getKey();
            }
        }
        ObjectNode v = summary.putObject("validation");
        v.put("replicates", validationReplicates);
        v.put("controlled_cells", n);
        // a replicate whose states went non-finite has no pattern: its utility is undefined (null)
        v.put("invalid_replicates", invalid);
        double utility = invalid > 0 ? Double.NaN : u.utility();
        v.put("u_hard", utility);
        v.put("s_pat", invalid > 0 ? Double.NaN : u.patternEntropy());
        v.put("s_rep", invalid > 0 ? Double.NaN : u.replicateEntropy());
        v.put("most_frequent_pattern", invalid > 0 ? null : mode);
        v.put("most_frequent_share", invalid > 0 ? Double.NaN : counts.get(mode) / (double) validationReplicates);
        v.put("most_frequent_is_alternating", invalid > 0 ? null : isAlternating(mode));
        double slope = (value(f, 55) - value(f, 45)) / 0.1;
        summary.put("learned_f_slope_at_half", slope);
        summary.put("learned_f_decreasing_through_half", value(f, 45) > value(f, 50) && value(f, 50) > value(f, 55));
        String cells = n == cfg.cells() ? "" : String.format(", cells 1–%d (the clamped ends left out)", n);
        Plots.binaryPatterns(dir.resolve("plots/patterns.png"), invalid > 0
                        ? String.format("Final best network: %d fresh replicates, %d of them invalid (non-finite states)%s",
                                validationReplicates, invalid, cells)
                        : String.format("Final best network: %d fresh replicates, U = %.3f%s", validationReplicates, utility, cells),
                patterns, cfg.firstControlledCell());
    }

    private static double value(double[][] f, int i) {
        return f[1][i];
    }

    static boolean isAlternating(String pattern) {
        for (int i = 1; i < pattern.length(); i++) {
            if (pattern.charAt(i) == pattern.charAt(i - 1)) {
                return false;
            }
        }
        return pattern.length() > 1;
    }
}
