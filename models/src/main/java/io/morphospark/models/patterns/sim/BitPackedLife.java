package io.morphospark.models.patterns.sim;

/**
 * Conway's Game of Life (B3/S23), 64 cells per {@code long}: bit j of word i of a row is cell
 * x = 64i + j. A generation is pure word arithmetic: each row's west/centre/east words are added
 * into a 2-bit horizontal count, three such rows are added with full adders, and the rule is read
 * off the 4-bit total T (the cell itself included): alive next iff T = 3, or T = 4 and alive now.
 * Any width is supported; bits beyond the width stay zero.
 */
public final class BitPackedLife {
    private final int width;
    private final int height;
    private final int words;
    private final LifeBorder border;
    private final long lastMask;
    private long[] cells;
    private long[] next;
    private final long[] low;
    private final long[] high;

    public BitPackedLife(int width, int height, LifeBorder border) {
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("grid must be at least 3 × 3, got " + width + " × " + height);
        }
        this.width = width;
        this.height = height;
        this.border = border;
        this.words = (width + 63) >>> 6;
        this.lastMask = (width & 63) == 0 ? -1L : (1L << (width & 63)) - 1;
        this.cells = new long[words * height];
        this.next = new long[cells.length];
        this.low = new long[cells.length];
        this.high = new long[cells.length];
    }

    public static BitPackedLife of(byte[] grid, int width, int height, LifeBorder border) {
        BitPackedLife life = new BitPackedLife(width, height, border);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grid[y * width + x] != 0) {
                    life.cells[y * life.words + (x >>> 6)] |= 1L << (x & 63);
                }
            }
        }
        return life;
    }

    public byte[] toCells() {
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) ((cells[y * words + (x >>> 6)] >>> (x & 63)) & 1);
            }
        }
        return out;
    }

    public long population() {
        long n = 0;
        for (long c : cells) {
            n += Long.bitCount(c);
        }
        return n;
    }

    public void step(int generations) {
        for (int g = 0; g < generations; g++) {
            step();
        }
    }

    public void step() {
        for (int y = 0; y < height; y++) {
            horizontalCounts(y * words);
        }
        final boolean torus = border == LifeBorder.TORUS;
        for (int y = 0; y < height; y++) {
            int mid = y * words;
            int up = y > 0 ? mid - words : torus ? (height - 1) * words : -1;
            int down = y < height - 1 ? mid + words : torus ? 0 : -1;
            for (int i = 0; i < words; i++) {
                long a0 = up < 0 ? 0 : low[up + i];
                long a1 = up < 0 ? 0 : high[up + i];
                long b0 = down < 0 ? 0 : low[down + i];
                long b1 = down < 0 ? 0 : high[down + i];
                long m0 = low[mid + i];
                long m1 = high[mid + i];
                // Ones of the total: a0 + m0 + b0, carry into the twos.
                long am = a0 ^ m0;
                long ones = am ^ b0;
                long carry = (a0 & m0) | (am & b0);
                // Twos: a1 + m1 + b1 + carry = t0 + 2·(y1 + y2 + c2), where y1 + y2 + c2 ≤ 2.
                long x1 = a1 ^ m1;
                long y1 = a1 & m1;
                long x2 = b1 ^ carry;
                long y2 = b1 & carry;
                long t0 = x1 ^ x2;
                long c2 = x1 & x2;
                long fours = y1 | y2 | c2;
                long exactlyOneFour = y1 ^ y2 ^ c2;
                long three = ones & t0 & ~fours;
                long four = ~ones & ~t0 & exactlyOneFour;
                next[mid + i] = three | (cells[mid + i] & four);
            }
            next[mid + words - 1] &= lastMask;
        }
        long[] t = cells;
        cells = next;
        next = t;
    }

    /** 2-bit count of west + centre + east for every cell of the row starting at {@code r}. */
    private void horizontalCounts(int r) {
        final int last = r + words - 1;
        final boolean torus = border == LifeBorder.TORUS;
        // The cells beyond the row's ends: the opposite end on a torus, dead otherwise.
        long westOfFirst = torus ? (cells[last] >>> ((width - 1) & 63)) & 1 : 0;
        long eastOfLast = torus ? cells[r] & 1 : 0;
        for (int i = r; i <= last; i++) {
            long c = cells[i];
            long w = (c << 1) | (i == r ? westOfFirst : cells[i - 1] >>> 63);
            long e = (c >>> 1) | (i == last ? eastOfLast << ((width - 1) & 63) : cells[i + 1] << 63);
            long wc = w ^ c;
            low[i] = wc ^ e;
            high[i] = (w & c) | (wc & e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public String toString() {
        return "BitPackedLife[" + width + "×" + height + ", " + border + ", population " + population() + "]";
    }
}
