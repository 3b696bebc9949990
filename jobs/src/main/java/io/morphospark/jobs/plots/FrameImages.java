package io.morphospark.jobs.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Grids of pattern frames as one PNG: a row per label, a tile per frame, each tile captioned (e.g. its sample id). */
public final class FrameImages {
    private static final int GAP = 4;
    private static final int LABEL_WIDTH = 90;
    private static final int CAPTION_HEIGHT = 14;

    private FrameImages() {
    }

    /** One tile: a frame's values, row-major, how to colour them, and the caption under it (null: none). */
    public record Tile(float[] values, int width, int height, int states, String caption) {
        public Tile(float[] values, int width, int height, int states) {
            this(values, width, height, states, null);
        }

        public Tile withCaption(String text) {
            return new Tile(values, width, height, states, text);
        }
    }

    public record Row(String label, List<Tile> tiles) {
    }

    public static void write(Path png, List<Row> rows, int scale) {
        int tileW = rows.stream().flatMap(r -> r.tiles().stream()).mapToInt(Tile::width).max().orElse(1) * scale;
        int tileH = rows.stream().flatMap(r -> r.tiles().stream()).mapToInt(Tile::height).max().orElse(1) * scale;
        int cols = rows.stream().mapToInt(r -> r.tiles().size()).max().orElse(1);
        boolean captions = rows.stream().flatMap(r -> r.tiles().stream()).anyMatch(t -> t.caption() != null);
        int rowH = tileH + GAP + (captions ? CAPTION_HEIGHT : 0);
        BufferedImage img = new BufferedImage(LABEL_WIDTH + cols * (tileW + GAP), rows.size() * rowH + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int r = 0; r < rows.size(); r++) {
            int y0 = GAP + r * rowH;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(rows.get(r).label(), 6, y0 + tileH / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int c = 0; c < rows.get(r).tiles().size(); c++) {
                Tile t = rows.get(r).tiles().get(c);
                int x0 = LABEL_WIDTH + c * (tileW + GAP);
                draw(img, t, x0, y0, scale);
                if (t.caption() != null) {
                    g.setClip(x0, y0 + tileH, tileW, CAPTION_HEIGHT); // a long caption on a small tile never runs into the next
                    g.drawString(t.caption(), x0, y0 + tileH + CAPTION_HEIGHT - 3);
                    g.setClip(null);
                }
            }
        }
        g.dispose();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    private static void draw(BufferedImage img, Tile t, int x0, int y0, int scale) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : t.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                int rgb = colour(t.values()[y * t.width() + x], min, max, t.states());
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** Binary: black on white; many states: a hue wheel (cyclic phases read as colours); continuous: a blue–yellow ramp. */
    private static int colour(float v, float min, float max, int states) {
        if (states == 2) {
            return v != 0 ? 0x202020 : 0xF4F4F4;
        }
        if (states > 2) {
            return Color.HSBtoRGB(v / states, 0.75f, 0.95f);
        }
        float u = max > min ? (v - min) / (max - min) : 0f;
        return Color.HSBtoRGB(0.66f - 0.5f * u, 0.8f, 0.25f + 0.75f * u);
    }
}
