package io.morphospark.models.nca;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A target pattern: straight (non-premultiplied) RGBA in [0, 1], row-major {@code rgba[(y·w + x)·4 + k]}.
 */
public record Target(int height, int width, float[] rgba) implements java.io.Serializable {
    /** The seed's target: a disc of radius 0.35·size around (size/2, size/2), RGBA (1, 0.5, 0, 1). */
    public static Target disc(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("disc size must be at least 1, got " + size);
        }
        float[] rgba = new float[size * size * 4];
        double radius = 0.35 * size;
        int centre = size / 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (Math.hypot(x - centre, y - centre) < radius) {
                    int i = (y * size + x) * 4;
                    rgba[i] = 1f;
                    rgba[i + 1] = 0.5f;
                    rgba[i + 3] = 1f;
                }
            }
        }
        return new Target(size, size, rgba);
    }

    /** An RGBA PNG (or any format javax.imageio reads, as long as it has an alpha channel). */
    public static Target image(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read target image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("cannot read target image " + file + ": not an image javax.imageio reads");
        }
        if (!image.getColorModel().hasAlpha()) {
            throw new IllegalArgumentException("target image " + file + " has no alpha channel; an RGBA image is needed");
        }
        int h = image.getHeight();
        int w = image.getWidth();
        float[] rgba = new float[h * w * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y); // sRGB, not premultiplied
                int i = (y * w + x) * 4;
                rgba[i] = ((argb >> 16) & 0xff) / 255f;
                rgba[i + 1] = ((argb >> 8) & 0xff) / 255f;
                rgba[i + 2] = (argb & 0xff) / 255f;
                rgba[i + 3] = ((argb >>> 24) & 0xff) / 255f;
            }
        }
        return new Target(h, w, rgba);
    }

    /** The pattern centred on a larger (or equal) transparent grid. */
    public Target placedIn(int gridHeight, int gridWidth) {
        if (gridHeight < height || gridWidth < width) {
            throw new IllegalArgumentException("grid " + gridHeight + "x" + gridWidth + " is smaller than the pattern "
                    + height + "x" + width);
        }
        if (gridHeight == height && gridWidth == width) {
            return this;
        }
        float[] out = new float[gridHeight * gridWidth * 4];
        int oy = (gridHeight - height) / 2;
        int ox = (gridWidth - width) / 2;
        for (int y = 0; y < height; y++) {
            System.arraycopy(rgba, y * width * 4, out, ((y + oy) * gridWidth + ox) * 4, width * 4);
        }
        return new Target(gridHeight, gridWidth, out);
    }

    /** As an image, e.g. to store beside a model. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 4;
                image.setRGB(x, y, byteOf(rgba[i + 3]) << 24 | byteOf(rgba[i]) << 16 | byteOf(rgba[i + 1]) << 8
                        | byteOf(rgba[i + 2]));
            }
        }
        return image;
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
