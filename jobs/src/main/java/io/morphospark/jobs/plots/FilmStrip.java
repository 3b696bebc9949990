package io.morphospark.jobs.plots;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A row of RGBA frames composited over white, each scaled up and labelled (growth film strips). */
public final class FilmStrip {
    public record Frame(String label, int height, int width, float[] rgba) {
    }

    private FilmStrip() {
    }

    public static void write(Path png, List<Frame> frames) {
        int scale = Math.max(1, 192 / Math.max(frames.get(0).height(), frames.get(0).width()));
        int fw = frames.get(0).width() * scale;
        int fh = frames.get(0).height() * scale;
        int label = 18;
        int gap = 4;
        BufferedImage out = new BufferedImage(frames.size() * (fw + gap) + gap, fh + label + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            int ox = gap + i * (fw + gap);
            g.drawString(f.label(), ox, label - 4);
            for (int y = 0; y < f.height(); y++) {
                for (int x = 0; x < f.width(); x++) {
                    int k = (y * f.width() + x) * 4;
                    float a = clamp(f.rgba()[k + 3]);
                    int rgb = over(f.rgba()[k], a) << 16 | over(f.rgba()[k + 1], a) << 8 | over(f.rgba()[k + 2], a);
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            out.setRGB(ox + x * scale + dx, label + gap + y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        g.dispose();
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(out, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** Straight alpha over white: c·a + (1 − a). */
    private static int over(float c, float a) {
        return Math.round((clamp(c) * a + 1 - a) * 255);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
