package io.morphospark.models.patterns.sim;

/**
 * Periodic (torus) boundaries through a one-cell halo: a w×h grid lives in a (w+2)×(h+2) array
 * whose border repeats the opposite edge. Stencil loops then run over the interior with constant
 * index offsets and no wrap-around branches, which is what lets C2 unroll and vectorise them.
 * The one place where periodic boundaries are implemented, for every model.
 */
public final class PeriodicHalo {
    private PeriodicHalo() {
    }

    public static int stride(int width) {
        return width + 2;
    }

    public static int paddedSize(int width, int height) {
        return (width + 2) * (height + 2);
    }

    /** Index of interior cell (x, y) in the padded array. */
    public static int index(int width, int x, int y) {
        return (y + 1) * (width + 2) + x + 1;
    }

    /** Refreshes the halo from the interior; columns first so that corners come out right. */
    public static void wrap(float[] a, int width, int height) {
        int s = width + 2;
        for (int y = 1; y <= height; y++) {
            a[y * s] = a[y * s + width];
            a[y * s + width + 1] = a[y * s + 1];
        }
        System.arraycopy(a, height * s, a, 0, s);
        System.arraycopy(a, s, a, (height + 1) * s, s);
    }

    public static void wrap(byte[] a, int width, int height) {
        int s = width + 2;
        for (int y = 1; y <= height; y++) {
            a[y * s] = a[y * s + width];
            a[y * s + width + 1] = a[y * s + 1];
        }
        System.arraycopy(a, height * s, a, 0, s);
        System.arraycopy(a, s, a, (height + 1) * s, s);
    }

    public static float[] interior(float[] padded, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(padded, (y + 1) * (width + 2) + 1, out, y * width, width);
        }
        return out;
    }

    public static byte[] interior(byte[] padded, int width, int height) {
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(padded, (y + 1) * (width + 2) + 1, out, y * width, width);
        }
        return out;
    }
}
