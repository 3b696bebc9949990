package io.morphospark.jobs.plots;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** PNG plots of a run, drawn with XChart headless. */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** A line chart of named series over a shared x axis. */
    public static void lines(Path png, String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setPlotGridLinesVisible(true);
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            XYSeries line = chart.addSeries(s.getKey(), x, s.getValue());
            line.setMarker(SeriesMarkers.NONE);
        }
        save(png, chart);
    }

    /** A heat map of {@code values[row][column]} (e.g. replicate × cell fates). */
    public static void heatMap(Path png, String title, String xTitle, String yTitle, int[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        int[] x = new int[cols];
        int[] y = new int[rows];
        for (int i = 0; i < cols; i++) {
            x[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            y[r] = r;
        }
        int[][] heat = new int[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                heat[c][r] = values[r][c];
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(420, 60 * cols + 200)).height(Math.min(1200, 60 + 14 * rows + 120))
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setRangeColors(new Color[] {new Color(33, 102, 172), new Color(178, 24, 43)});
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("values", x, y, heat);
        save(png, chart);
    }

    public static Map<String, double[]> series(Object... nameThenValues) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            m.put((String) nameThenValues[i], (double[]) nameThenValues[i + 1]);
        }
        return m;
    }

    private static void save(Path png, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            Files.createDirectories(png.getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png, e);
        }
    }
}
