package io.morphospark.jobs.discover;

import io.morphospark.jobs.plots.Plots;
import io.morphospark.models.discovery.Archive;
import io.morphospark.models.discovery.CellLayout;
import io.morphospark.models.discovery.Elite;
import io.morphospark.models.discovery.GridLayout;
import org.apache.spark.sql.Row;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plots of a discovery run: archive heatmap, QD-score, coverage and best-performance curves. */
final class DiscoveryPlots {
    /** Resolution at which a CVT archive is rasterised (a grid is drawn cell for cell). */
    static final int CVT_RASTER = 40;

    private DiscoveryPlots() {
    }

    /**
     * The archive's elites' performance over the two descriptors; empty cells stay blank. A CVT
     * archive is drawn as a raster coloured by each pixel's nearest centroid.
     */
    static void heatmap(Path png, Archive archive, List<String> descriptors, String title) {
        CellLayout layout = archive.layout();
        int nx = layout instanceof GridLayout g ? g.bins()[0] : CVT_RASTER;
        int ny = layout instanceof GridLayout g ? g.bins()[1] : CVT_RASTER;
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            xs.add(String.format(Locale.ROOT, "%.2f", (i + 0.5) / nx));
        }
        for (int j = 0; j < ny; j++) {
            ys.add(String.format(Locale.ROOT, "%.2f", (j + 0.5) / ny));
        }
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                Elite e = archive.elite(layout.cellOf(new double[] {(i + 0.5) / nx, (j + 0.5) / ny}));
                if (e != null) {
                    heat.add(new Number[] {i, j, e.objective()});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(720).height(600).title(title)
                .xAxisTitle(descriptors.get(0)).yAxisTitle(descriptors.get(1)).build();
        chart.getStyler().setRangeColors(new Color[] {new Color(68, 1, 84), new Color(59, 82, 139),
            new Color(33, 145, 140), new Color(94, 201, 98), new Color(253, 231, 37)});
        chart.getStyler().setShowValue(false);
        chart.getStyler().setHeatMapValueDecimalPattern("0.000");
        chart.getStyler().setXAxisLabelRotation(90);
        if (heat.isEmpty()) {
            heat.add(new Number[] {0, 0, Double.NaN}); // XChart needs a value; an empty archive shows one blank cell
        }
        chart.addSeries("performance", xs, ys, heat);
        try {
            Files.createDirectories(png.getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** The generations table's curves over evaluations spent (generation order). */
    static void curves(Path plots, List<Row> generations, String search) {
        int n = generations.size();
        double[] evals = new double[n];
        double[] qd = new double[n];
        double[] coverage = new double[n];
        double[] best = new double[n];
        double[] bestEver = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = generations.get(i);
            evals[i] = r.<Long>getAs("evaluations_total");
            qd[i] = r.<Double>getAs("qd_score");
            coverage[i] = r.<Double>getAs("coverage");
            best[i] = nan(r.getAs("best_performance"));
            bestEver[i] = nan(r.getAs("best_ever"));
            mean[i] = nan(r.getAs("mean_performance"));
        }
        Plots.lines(plots.resolve("qd_score.png"), search + ": QD-score (offset " + Archive.QD_OFFSET + ")",
                "evaluations", "QD-score", evals, Plots.series("qd_score", qd));
        Plots.lines(plots.resolve("coverage.png"), search + ": archive coverage", "evaluations", "coverage", evals,
                Plots.series("coverage", coverage));
        Plots.lines(plots.resolve("best_performance.png"), search + ": performance per generation", "evaluations",
                "performance", evals, Plots.series("best ever", bestEver, "best of generation", best, "mean of generation", mean));
    }

    private static double nan(Object v) {
        return v == null ? Double.NaN : (Double) v;
    }
}
