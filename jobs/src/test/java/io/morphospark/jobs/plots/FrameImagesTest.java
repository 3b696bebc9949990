package io.morphospark.jobs.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gallery tiles carry their caption (the sample id) in a band under the tile. */
class FrameImagesTest {
    @TempDir
    Path tmp;

    private static int darkPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                dark += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300 ? 1 : 0;
            }
        }
        return dark;
    }

    @Test
    void captionsAreDrawnUnderTheirTiles() throws Exception {
        float[] blank = new float[32 * 32];
        FrameImages.Tile tile = new FrameImages.Tile(blank, 32, 32, 2);
        Path plain = tmp.resolve("plain.png");
        Path captioned = tmp.resolve("captioned.png");
        FrameImages.write(plain, List.of(new FrameImages.Row("random", List.of(tile, tile))), 2);
        FrameImages.write(captioned, List.of(new FrameImages.Row("random", List.of(tile.withCaption("id 17"), tile.withCaption("id 18")))), 2);
        BufferedImage a = ImageIO.read(plain.toFile());
        BufferedImage b = ImageIO.read(captioned.toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertTrue(b.getHeight() > a.getHeight(), "a caption band below each row of tiles");
        int tileBottom = 4 + 64; // gap, then a 32-cell tile at scale 2
        assertEquals(0, darkPixels(a, 90, tileBottom, a.getWidth(), a.getHeight()), "no caption, no text");
        assertTrue(darkPixels(b, 90, tileBottom, 90 + 64, b.getHeight()) > 10, "the first tile's caption is drawn under it");
        assertTrue(darkPixels(b, 90 + 68, tileBottom, 90 + 68 + 64, b.getHeight()) > 10, "and the second's under it");
    }
}
