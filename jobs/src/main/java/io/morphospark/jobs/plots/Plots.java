package io.morphospark.jobs.plots;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PNG plots of a run, drawn with XChart headless. Non-finite values (a diverged simulation, an
 * all-invalid generation) never reach a chart: they are left out and the chart says how many.
 */
public final class Plots {
    /**
     * When the y axis is logarithmic: every value shown positive and max / min at least the ratio.
     * Losses get a log scale from one decade on (their late, small improvements are the story);
     * other curves (fitness, −f of the validation functions) from two.
     */
    public enum YScale {
        AUTO(100), LOSS(10);

        final double ratio;

        YScale(double ratio) {
            this.ratio = ratio;
        }
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** What a line chart showed: the points left out as non-finite and whether the y axis is logarithmic. */
    public record LinesDrawn(int nonFinitePoints, boolean logarithmic) {
    }

    /**
     * A line chart of named series over a shared x axis. Non-finite points are left out (a gap in
     * the line; a series with none left is listed in the title instead of the legend); the y axis
     * is logarithmic when every value shown is positive and they span two decades or more. The
     * legend sits below the plot area, so it never covers a curve.
     */
    public static LinesDrawn lines(Path png, String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        return lines(png, title, xTitle, yTitle, x, series, YScale.AUTO);
    }

    /** As {@link #lines(Path, String, String, String, double[], Map)}, with the given rule for a log scale. */
    public static LinesDrawn lines(Path png, String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series,
                                   YScale scale) {
        int nonFinite = 0;
        List<String> empty = new ArrayList<>();
        Map<String, double[]> shown = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            double[] y = s.getValue();
            if (y.length != x.length) {
                throw new IllegalArgumentException("series " + s.getKey() + " has " + y.length + " values for " + x.length + " x values");
            }
            double[] clean = new double[y.length];
            int dropped = 0;
            for (int i = 0; i < y.length; i++) {
                boolean finite = Double.isFinite(y[i]) && Double.isFinite(x[i]);
                clean[i] = finite ? y[i] : Double.NaN; // XChart draws NaN as a gap; infinities make it throw
                if (finite) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                } else {
                    dropped++;
                }
            }
            nonFinite += dropped;
            if (dropped == y.length) {
                empty.add(s.getKey());
            } else {
                shown.put(dropped == 0 ? s.getKey() : s.getKey() + " (" + dropped + " non-finite not shown)", clean);
            }
        }
        boolean log = !shown.isEmpty() && min > 0 && max / min >= scale.ratio;
        String fullTitle = title;
        if (!empty.isEmpty()) {
            fullTitle += " [no finite values: " + String.join(", ", empty) + "]";
        } else if (nonFinite > 0) {
            fullTitle += " [" + nonFinite + " non-finite values not shown]";
        }
        XYChart chart = new XYChartBuilder().width(900).height(560).title(fullTitle).xAxisTitle(xTitle)
                .yAxisTitle(log ? yTitle + " (log scale)" : yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisLogarithmic(log);
        if (shown.isEmpty()) {
            // nothing to draw: an empty frame over the x range keeps the file (and the run) complete
            double[] frameX = x.length == 0 ? new double[] {0, 1} : new double[] {x[0], x[x.length - 1]};
            XYSeries frame = chart.addSeries("(no finite values)", frameX, new double[] {0, 0});
            frame.setMarker(SeriesMarkers.NONE);
            frame.setLineColor(new Color(0, 0, 0, 0));
        }
        for (Map.Entry<String, double[]> s : shown.entrySet()) {
            XYSeries line = chart.addSeries(s.getKey(), x, s.getValue());
            line.setMarker(SeriesMarkers.NONE);
        }
        save(png, chart);
        return new LinesDrawn(nonFinite, log);
    }

    /**
     * Binary patterns of many replicates (e.g. the final fates of 200 replicates) as one image:
     * a row per replicate, grouped by pattern with the most frequent first, each group labelled
     * with its pattern and share, and a 0/1 key; a null pattern is a replicate whose states went
     * non-finite, drawn grey as "invalid"; cells are numbered from {@code firstCell}. Drawn directly (XChart's heat map labels every
     * row and has no discrete key, unreadable beyond a few dozen replicates).
     */
    public static void binaryPatterns(Path png, String title, List<String> patterns, int firstCell) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String p : patterns) {
            counts.merge(p == null ? INVALID : p, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> groups = new ArrayList<>(counts.entrySet());
        groups.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        int rows = patterns.size();
        int cells = patterns.stream().filter(p -> p != null).mapToInt(String::length).max().orElse(1);
        int rowH = Math.max(2, Math.min(16, 720 / Math.max(1, rows)));
        int cellW = Math.max(10, Math.min(36, 480 / Math.max(1, cells)));
        int left = 70;
        int top = 78;
        int plotW = cells * cellW;
        int plotH = rows * rowH;
        int labelW = 230;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        int titleW = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(titleFont).stringWidth(title);
        int keyW = counts.containsKey(INVALID) ? 600 : 450; // the 0/1 (and invalid) key and its caption
        BufferedImage img = new BufferedImage(Math.max(left + plotW + labelW, Math.max(keyW, titleW + 20)), top + plotH + 64,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        g.drawString(title, 10, 20);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(small);
        // the key
        g.setColor(ON);
        g.fillRect(10, 32, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("1 (on, s ≥ 0.5)", 30, 44);
        g.setColor(OFF);
        g.fillRect(150, 32, 14, 14);
        g.setColor(Color.GRAY);
        g.drawRect(150, 32, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("0 (off)", 170, 44);
        int keyX = 240;
        if (counts.containsKey(INVALID)) {
            g.setColor(INVALID_COLOUR);
            g.fillRect(keyX, 32, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString("non-finite (invalid)", keyX + 20, 44);
            keyX += 150;
        }
        g.drawString("replicates, grouped by pattern", keyX, 44);

        int y = top;
        int replicate = 0;
        int unlabelledGroups = 0;
        int lastTextY = Integer.MIN_VALUE / 2;
        int unlabelledReplicates = 0;
        for (Map.Entry<String, Integer> group : groups) {
            String p = group.getKey();
            int n = group.getValue();
            for (int k = 0; k < n; k++, replicate++) {
                if (p.equals(INVALID)) {
                    g.setColor(INVALID_COLOUR);
                    g.fillRect(left, y + k * rowH, plotW, rowH);
                    continue;
                }
                for (int i = 0; i < p.length(); i++) {
                    g.setColor(p.charAt(i) == '1' ? ON : OFF);
                    g.fillRect(left + i * cellW, y + k * rowH, cellW, rowH);
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(left, y, left + plotW + 6, y);
            int h = n * rowH;
            // a label beside its group, below the previous one; a group too thin for its own label is counted instead
            int textY = Math.max(y + Math.min(h, 24) / 2 + 5, lastTextY + 14);
            if (textY <= y + h + 4) {
                g.setColor(Color.BLACK);
                g.drawString(String.format("%s  ×%d (%.0f %%)", p, n, 100.0 * n / rows), left + plotW + 10, textY);
                lastTextY = textY;
            } else {
                unlabelledGroups++;
                unlabelledReplicates += n;
            }
            y += h;
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, plotW, plotH);
        // axes: replicate ranks on the left (thinned to about ten), cell indices below
        int step = niceStep(rows);
        for (int r = 0; r <= rows; r += step) {
            g.drawLine(left - 4, top + r * rowH, left, top + r * rowH);
            g.drawString(Integer.toString(r), left - 8 - g.getFontMetrics().stringWidth(Integer.toString(r)), top + r * rowH + 4);
        }
        for (int i = 0; i < cells; i++) {
            String s = Integer.toString(firstCell + i);
            g.drawString(s, left + i * cellW + (cellW - g.getFontMetrics().stringWidth(s)) / 2, top + plotH + 16);
        }
        g.drawString("cell", left + plotW / 2 - 10, top + plotH + 34);
        if (unlabelledGroups > 0) {
            g.drawString(String.format("unlabelled: %d rarer pattern%s (%d replicate%s)", unlabelledGroups,
                    unlabelledGroups == 1 ? "" : "s", unlabelledReplicates, unlabelledReplicates == 1 ? "" : "s"),
                    10, top + plotH + 52);
        }
        g.dispose();
        write(png, img);
    }

    private static final String INVALID = "invalid";
    private static final Color INVALID_COLOUR = new Color(150, 150, 150);
    private static final Color ON = new Color(178, 24, 43);
    private static final Color OFF = new Color(235, 240, 248);

    private static int niceStep(int rows) {
        for (int s : new int[] {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000}) {
            if (rows / s <= 10) {
                return s;
            }
        }
        return Math.max(1, rows / 10);
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
            Files.createDirectories(png.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png, e);
        }
    }

    private static void write(Path png, BufferedImage img) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png, e);
        }
    }
}
