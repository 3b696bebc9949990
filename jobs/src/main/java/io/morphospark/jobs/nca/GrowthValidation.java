package io.morphospark.jobs.nca;

import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.SeedGrowthScore;
import io.morphospark.models.nca.Target;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * During training, every few epochs: grow the current CA from the seed, at the training fire rate
 * (the mean of a few growths with different fire masks) and with every cell firing, and keep the
 * parameters that grew best at the training rate. The batch loss alone cannot tell a CA that grows
 * from one that only keeps the pool's patterns alive.
 */
final class GrowthValidation {
    private final Target target;
    private final NcaEngine.Kind engine;
    private final double[] fireRates;
    private final long seed;
    private final int steps;
    private final int every;
    private final int growths;
    /** (epoch, MSE per fire rate) of every check so far. */
    private final ArrayList<double[]> curve = new ArrayList<>();
    private double bestMse = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private NcaParameters best;

    /** Every check so far and the best parameters, for checkpoints. */
    record Record(ArrayList<double[]> curve, double bestMse, int bestEpoch, NcaParameters.Values best)
            implements java.io.Serializable {
    }

    GrowthValidation(Target target, NcaEngine.Kind engine, double trainingFireRate, long seed, int steps, int every,
                     int growths) {
        this.target = target;
        this.engine = engine;
        this.fireRates = trainingFireRate == 1.0 ? new double[] {1.0} : new double[] {trainingFireRate, 1.0};
        this.seed = seed;
        this.steps = steps;
        this.every = every;
        this.growths = growths;
    }

    Record record() {
        return new Record(new ArrayList<>(curve), bestMse, bestEpoch, best == null ? null : best.snapshot());
    }

    /** Continues from a {@link #record()}; {@code config} is the model's. */
    void restore(Record record, NcaConfig config) {
        curve.clear();
        curve.addAll(record.curve());
        bestMse = record.bestMse();
        bestEpoch = record.bestEpoch();
        best = record.best() == null ? null : NcaParameters.of(config, record.best());
    }

    boolean due(int epoch, int epochs) {
        return every > 0 && ((epoch + 1) % every == 0 || epoch == epochs - 1);
    }

    /** Scores the parameters after {@code epoch}; returns the console line. */
    String check(int epoch, NcaParameters parameters) {
        double[] point = new double[fireRates.length + 1];
        point[0] = epoch;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "           grown from the seed, step %d:", steps));
        for (int i = 0; i < fireRates.length; i++) {
            double mse = SeedGrowthScore.meanMse(parameters, target, engine, fireRates[i], seed, steps, growths);
            point[i + 1] = mse;
            line.append(String.format(Locale.ROOT, " MSE %.4f at fire rate %s", mse, fireRates[i]));
        }
        curve.add(point);
        if (point[1] < bestMse) {
            bestMse = point[1];
            bestEpoch = epoch;
            best = parameters.copy();
        }
        return line.toString();
    }

    /** One row per check and fire rate. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (double[] point : curve) {
            for (int i = 0; i < fireRates.length; i++) {
                rows.add(RowFactory.create((int) point[0], fireRates[i], steps, point[i + 1]));
            }
        }
        return rows;
    }

    double[] epochs() {
        return column(0);
    }

    /** One MSE curve per fire rate, over {@link #epochs()}. */
    Map<String, double[]> curves() {
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (int i = 0; i < fireRates.length; i++) {
            curves.put("fire rate " + fireRates[i], column(i + 1));
        }
        return curves;
    }

    private double[] column(int i) {
        return curve.stream().mapToDouble(p -> p[i]).toArray();
    }

    boolean ran() {
        return best != null;
    }

    NcaParameters best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestMse() {
        return bestMse;
    }
}
