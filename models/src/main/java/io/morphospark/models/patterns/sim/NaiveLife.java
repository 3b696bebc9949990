package io.morphospark.models.patterns.sim;

/** Cell-by-cell Game of Life, the obviously-correct reference the bit-parallel one is tested against. */
public final class NaiveLife {
    private NaiveLife() {
    }

    public static byte[] step(byte[] cells, int width, int height, LifeBorder border) {
        byte[] out = new byte[cells.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx != 0 || dy != 0) {
                            n += cell(cells, width, height, border, x + dx, y + dy);
                        }
                    }
                }
                boolean alive = cells[y * width + x] != 0;
                out[y * width + x] = (byte) (n == 3 || (alive && n == 2) ? 1 : 0);
            }
        }
        return out;
    }

    private static int cell(byte[] cells, int width, int height, LifeBorder border, int x, int y) {
        if (border == LifeBorder.TORUS) {
            x = Math.floorMod(x, width);
            y = Math.floorMod(y, height);
        } else if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0;
        }
        return cells[y * width + x] != 0 ? 1 : 0;
    }
}
