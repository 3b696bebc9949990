package io.morphospark.models.nca;

/**
 * One step in plain loops and double precision, written straight from the definition, against
 * which the SameDiff graph is tested. One grid {@code state[y][x][c]}, fire mask {@code fire[y][x]}.
 */
public final class ReferenceStep {
    private final NcaConfig config;
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;

    public ReferenceStep(NcaParameters p) {
        this.config = p.config();
        this.w1 = p.values("w1");
        this.b1 = p.values("b1");
        this.w2 = p.values("w2");
        this.b2 = p.values("b2");
    }

    public double[][][] apply(double[][][] state, double[][] fire) {
        int h = state.length;
        int w = state[0].length;
        int channels = config.channels();
        boolean[][] pre = AliveMask.reference(state);
        double[][][] next = new double[h][w][channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] delta = mlp(perceive(state, y, x));
                for (int c = 0; c < channels; c++) {
                    next[y][x][c] = state[y][x][c] + delta[c] * fire[y][x];
                }
            }
        }
        boolean[][] post = AliveMask.reference(next);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!(pre[y][x] && post[y][x])) {
                    java.util.Arrays.fill(next[y][x], 0.0);
                }
            }
        }
        return next;
    }

    private double[] perceive(double[][][] state, int y, int x) {
        int channels = config.channels();
        double[] features = new double[config.features()];
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < Perception.FILTERS; f++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < state.length && xx >= 0 && xx < state[0].length) {
                            s += Perception.kernel(f, dy, dx) * state[yy][xx][c];
                        }
                    }
                }
                features[Perception.FILTERS * c + f] = s;
            }
        }
        return features;
    }

    private double[] mlp(double[] features) {
        int hidden = config.hidden();
        int channels = config.channels();
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double s = b1[j];
            for (int i = 0; i < features.length; i++) {
                s += features[i] * w1[i * hidden + j];
            }
            h[j] = Math.max(0, s);
        }
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            double s = b2[c];
            for (int j = 0; j < hidden; j++) {
                s += h[j] * w2[j * channels + c];
            }
            out[c] = s;
        }
        return out;
    }
}
