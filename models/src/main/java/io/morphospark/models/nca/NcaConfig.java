package io.morphospark.models.nca;

/**
 * Shape of a growing neural CA (Mordvintsev et al., Distill 2020): {@code channels} per cell, the
 * first four RGBA, the rest hidden; a per-cell MLP (3·channels) → hidden (ReLU) → channels; and the
 * seed cell it grows from (part of the model: a CA trained from one seed need not grow from the other).
 */
public record NcaConfig(int channels, int hidden, SeedCell seedCell) implements java.io.Serializable {
    /** Channel 3 is alpha: the "alive" signal. */
    public static final int ALPHA = 3;
    /** Visible channels (RGBA), the ones the loss sees. */
    public static final int RGBA = 4;
    /** A cell is alive when the max alpha of its 3×3 neighbourhood exceeds this. */
    public static final double ALIVE_THRESHOLD = 0.1;

    /** The seed's (and Distill's) model: 16 channels, 128 hidden units, 8 336 parameters. */
    public static final NcaConfig SEED = new NcaConfig(16, 128);

    /** Which channels of the single live seed cell are 1; RGB stay 0. */
    public enum SeedCell {
        /** Alpha only: the seed notebook's {@code create_seed} (the default; it trains more reliably, docs/BENCHMARKS.md). */
        ALPHA,
        /** Alpha and every hidden channel: Distill's growing-NCA notebook. */
        ALPHA_HIDDEN;

        public static SeedCell parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
                case "alpha" -> ALPHA;
                case "alpha-hidden" -> ALPHA_HIDDEN;
                default -> throw new IllegalArgumentException("seed cell must be alpha or alpha-hidden, got '" + s + "'");
            };
        }

        /** The name {@link #parse} reads. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The seed notebook's seed cell (alpha only). */
    public NcaConfig(int channels, int hidden) {
        this(channels, hidden, SeedCell.ALPHA);
    }

    public NcaConfig {
        if (channels <= ALPHA) {
            throw new IllegalArgumentException("an NCA needs at least 4 channels (RGBA), got " + channels);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden width must be at least 1, got " + hidden);
        }
        if (seedCell == null) {
            throw new IllegalArgumentException("seed cell must be given");
        }
    }

    public NcaConfig withSeedCell(SeedCell cell) {
        return new NcaConfig(channels, hidden, cell);
    }

    /** identity, Sobel-x and Sobel-y of every channel. */
    public int features() {
        return Perception.FILTERS * channels;
    }

    public int parameterCount() {
        return features() * hidden + hidden + hidden * channels + channels;
    }
}
