package io.morphospark.jobs.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {
    @TempDir
    Path tmp;

    static final double[] X = {0, 1, 2, 3};

    @Test
    void nonFinitePointsAreLeftOutAndCounted() throws Exception {
        Path png = tmp.resolve("a.png");
        var drawn = Plots.lines(png, "t", "x", "y", X, Plots.series(
                "best", new double[] {Double.NEGATIVE_INFINITY, 0.5, Double.NaN, 0.7},
                "mean", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}));
        assertEquals(6, drawn.nonFinitePoints());
        assertFalse(drawn.logarithmic());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
    }

    @Test
    void nothingFiniteStillGivesAPlot() throws Exception {
        Path png = tmp.resolve("none.png");
        double[] inf = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};
        assertEquals(8, Plots.lines(png, "t", "x", "y", X, Plots.series("best", inf, "mean", inf)).nonFinitePoints());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void valuesSpanningDecadesGetALogScale() {
        assertTrue(Plots.lines(tmp.resolve("log.png"), "t", "x", "f", X,
                Plots.series("f", new double[] {1e4, 30, 0.2, 1e-3})).logarithmic());
        assertFalse(Plots.lines(tmp.resolve("lin.png"), "t", "x", "U", X,
                Plots.series("U", new double[] {0.1, 0.5, 0.8, 0.9})).logarithmic(), "under two decades");
        assertFalse(Plots.lines(tmp.resolve("neg.png"), "t", "x", "U", X,
                Plots.series("U", new double[] {-1e4, 30, 0.2, 1e-3})).logarithmic(), "not all positive");
        double[] loss = {0.12, 0.05, 0.02, 0.011};
        assertFalse(Plots.lines(tmp.resolve("l1.png"), "t", "x", "y", X, Plots.series("loss", loss)).logarithmic());
        assertTrue(Plots.lines(tmp.resolve("l2.png"), "t", "x", "MSE", X, Plots.series("loss", loss),
                Plots.YScale.LOSS).logarithmic(), "a loss over one decade");
    }

    @Test
    void patternsOfTwoHundredReplicatesAreReadable() throws Exception {
        List<String> patterns = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            patterns.add(r % 4 == 0 ? "0101010" : r == 7 ? null : "1010101");
        }
        Path png = tmp.resolve("patterns.png");
        Plots.binaryPatterns(png, "Final best network: 200 fresh replicates", patterns, 0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getHeight() >= 200 * 2 && img.getHeight() <= 1000, "every replicate at least 2 px: " + img.getHeight());
    }

    @Test
    void summaryJsonWritesNullForNonFiniteNumbers() throws Exception {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("best", Double.NEGATIVE_INFINITY);
        s.put("ok", 0.5);
        s.putObject("inner").put("u", Double.NaN);
        s.putArray("list").add(1.0).add(Double.POSITIVE_INFINITY);
        Path f = tmp.resolve("summary.json");
        SummaryJson.write(f, s);
        JsonNode back = new ObjectMapper().readTree(f.toFile());
        assertTrue(back.get("best").isNull());
        assertEquals(0.5, back.get("ok").asDouble());
        assertTrue(back.at("/inner/u").isNull());
        assertTrue(back.at("/list/1").isNull());
    }
}
