package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {
    @TempDir
    Path tmp;

    @Test
    void discIsTheSeedsPattern() {
        Target t = Target.disc(64);
        float[] centre = java.util.Arrays.copyOfRange(t.rgba(), (32 * 64 + 32) * 4, (32 * 64 + 32) * 4 + 4);
        assertEquals(1f, centre[0]);
        assertEquals(0.5f, centre[1]);
        assertEquals(0f, centre[2]);
        assertEquals(1f, centre[3]);
        assertEquals(0f, t.rgba()[3], "corner is empty");
    }

    @Test
    void pngRoundTripsAndIsCentredOnALargerGrid() throws Exception {
        Path png = tmp.resolve("t.png");
        ImageIO.write(Target.disc(8).toImage(), "png", png.toFile());
        Target t = Target.image(png).placedIn(12, 12);
        assertEquals(12, t.height());
        assertEquals(1f, t.rgba()[((2 + 4) * 12 + 2 + 4) * 4 + 3]);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> Target.image(png).placedIn(6, 6));
        assertTrue(small.getMessage().contains("smaller than the pattern"));
    }

    @Test
    void nonRgbaOrUnreadableImagesAreRejectedByName() throws Exception {
        Path rgb = tmp.resolve("rgb.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", rgb.toFile());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.image(rgb)).getMessage().contains("rgb.png"));
        Path junk = Files.writeString(tmp.resolve("junk.png"), "not a png");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.image(junk)).getMessage().contains("junk.png"));
        Path missing = tmp.resolve("missing.png");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.image(missing)).getMessage().contains("missing.png"));
    }
}
