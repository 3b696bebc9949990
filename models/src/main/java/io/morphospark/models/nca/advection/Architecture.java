package io.morphospark.models.nca.advection;

/**
 * The per-cell network: perception of the 16 state channels (identity, Sobel-x/8, Sobel-y/8:
 * 48 features) and the 4 goal channels → {@code hidden1} (ReLU) → {@code hidden2} (ReLU) → 13
 * outputs, the deltas of RGB, velocity and hidden channels ({@link Channels#WRITTEN}).
 */
public record Architecture(int hidden1, int hidden2) {
    /** The seed's: 64 then 32 hidden units. */
    public static final Architecture SEED = new Architecture(64, 32);
    public static final int PERCEPTION = 3 * Channels.COUNT;
    public static final int FEATURES = PERCEPTION + Channels.GOAL;
    public static final int OUTPUTS = 13;

    public Architecture {
        if (hidden1 < 1 || hidden2 < 1) {
            throw new IllegalArgumentException("hidden widths must be at least 1, got " + hidden1 + ", " + hidden2);
        }
    }

    /** Inputs of each layer, then the outputs: {FEATURES, hidden1, hidden2, OUTPUTS}. */
    public int[] layerWidths() {
        return new int[] {FEATURES, hidden1, hidden2, OUTPUTS};
    }

    /** Sizes of w1 [52, h1], b1, w2 [h1, h2], b2, w3 [h2, 13], b3, in the flat parameter order. */
    public int[] sizes() {
        return new int[] {FEATURES * hidden1, hidden1, hidden1 * hidden2, hidden2, hidden2 * OUTPUTS, OUTPUTS};
    }

    public int parameterCount() {
        int n = 0;
        for (int s : sizes()) {
            n += s;
        }
        return n;
    }
}
