package io.morphospark.models.nca;

/**
 * Shape of a growing neural CA (Mordvintsev et al., Distill 2020): {@code channels} per cell, the
 * first four RGBA, the rest hidden; a per-cell MLP (3·channels) → hidden (ReLU) → channels.
 */
public record NcaConfig(int channels, int hidden) implements java.io.Serializable {
    /** Channel 3 is alpha: the "alive" signal. */
    public static final int ALPHA = 3;
    /** Visible channels (RGBA), the ones the loss sees. */
    public static final int RGBA = 4;
    /** A cell is alive when the max alpha of its 3×3 neighbourhood exceeds this. */
    public static final double ALIVE_THRESHOLD = 0.1;

    /** The seed's (and Distill's) model: 16 channels, 128 hidden units, 8 336 parameters. */
    public static final NcaConfig SEED = new NcaConfig(16, 128);

    public NcaConfig {
        if (channels <= ALPHA) {
            throw new IllegalArgumentException("an NCA needs at least 4 channels (RGBA), got " + channels);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden width must be at least 1, got " + hidden);
        }
    }

    /** identity, Sobel-x and Sobel-y of every channel. */
    public int features() {
        return Perception.FILTERS * channels;
    }

    public int parameterCount() {
        return features() * hidden + hidden + hidden * channels + channels;
    }
}
