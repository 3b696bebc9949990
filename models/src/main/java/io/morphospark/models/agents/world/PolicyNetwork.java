package io.morphospark.models.agents.world;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.SplittableRandom;

/**
 * The seed's cell policy: an MLP 10 → 64 → 64 → 8 with ReLU and a softmax over the 8 actions
 * (move N, S, E, W, stay, communicate, divide, cooperate). Dropout (0.2 in the seed) acts only
 * in training, so inference has none. Weights are one flat array: W1 (64×10, row-major), b1,
 * W2 (64×64), b2, W3 (8×64), b3 — the form a later policy search perturbs.
 */
public final class PolicyNetwork {
    public static final int INPUTS = 10;
    public static final int HIDDEN = 64;
    public static final int ACTIONS = 8;
    public static final int WEIGHTS = HIDDEN * INPUTS + HIDDEN + HIDDEN * HIDDEN + HIDDEN + ACTIONS * HIDDEN + ACTIONS;

    public static final int MOVE_NORTH = 0;
    public static final int MOVE_SOUTH = 1;
    public static final int MOVE_EAST = 2;
    public static final int MOVE_WEST = 3;
    public static final int STAY = 4;
    public static final int COMMUNICATE = 5;
    public static final int DIVIDE = 6;
    public static final int COOPERATE = 7;

    /** Keeps policy-weight streams apart ("POLICY"). */
    private static final long DOMAIN = 0x504F4C494359L;

    private final double[] w;
    private final double[] h1 = new double[HIDDEN];
    private final double[] h2 = new double[HIDDEN];

    public PolicyNetwork(double[] weights) {
        if (weights.length != WEIGHTS) {
            throw new IllegalArgumentException("policy weights: expected " + WEIGHTS + " values, got " + weights.length);
        }
        this.w = weights.clone();
    }

    /** He-normal weights × scale, zero biases, from the stream (seed, INITIAL_POPULATION, POLICY). */
    public static double[] randomWeights(long seed, double scale) {
        SplittableRandom rng = RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, DOMAIN);
        double[] w = new double[WEIGHTS];
        int k = fill(w, 0, HIDDEN, INPUTS, scale, rng);
        k = fill(w, k, HIDDEN, HIDDEN, scale, rng);
        fill(w, k, ACTIONS, HIDDEN, scale, rng);
        return w;
    }

    private static int fill(double[] w, int at, int out, int in, double scale, SplittableRandom rng) {
        double sd = scale * Math.sqrt(2.0 / in);
        for (int i = 0; i < out * in; i++) {
            w[at + i] = sd * rng.nextGaussian();
        }
        return at + out * in + out;
    }

    /** Action probabilities for the features, written into {@code probabilities}. */
    public void forward(double[] features, double[] probabilities) {
        int k = layer(features, INPUTS, h1, HIDDEN, 0, true);
        k = layer(h1, HIDDEN, h2, HIDDEN, k, true);
        layer(h2, HIDDEN, probabilities, ACTIONS, k, false);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : probabilities) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int a = 0; a < ACTIONS; a++) {
            probabilities[a] = Math.exp(probabilities[a] - max);
            sum += probabilities[a];
        }
        for (int a = 0; a < ACTIONS; a++) {
            probabilities[a] /= sum;
        }
    }

    private int layer(double[] in, int nIn, double[] out, int nOut, int at, boolean relu) {
        int bias = at + nOut * nIn;
        for (int o = 0; o < nOut; o++) {
            double s = w[bias + o];
            int row = at + o * nIn;
            for (int i = 0; i < nIn; i++) {
                s += w[row + i] * in[i];
            }
            out[o] = relu ? Math.max(0, s) : s;
        }
        return bias + nOut;
    }
}
