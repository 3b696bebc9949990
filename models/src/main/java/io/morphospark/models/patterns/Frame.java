package io.morphospark.models.patterns;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One observed 2-D grid, row-major ({@code values[y * width + x]}). Discrete models (automata,
 * cell types) store their small integer states exactly as floats and say how many states there
 * are; continuous fields (concentrations) have {@code states == 0}. {@code cyclic} says the states
 * are phases of a cycle (0 follows n−1, as in cyclic and excitable automata), which is what makes
 * phase-winding metrics meaningful. One representation keeps every metric and writer single-path.
 */
public record Frame(int width, int height, int states, boolean cyclic, float[] values) implements Serializable {

    public Frame {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException("frame of " + width + " × " + height + " cannot hold " + values.length + " values");
        }
        if (states < 0 || states == 1) {
            throw new IllegalArgumentException("states must be 0 (continuous) or at least 2, got " + states);
        }
        if (cyclic && states < 3) {
            throw new IllegalArgumentException("a cyclic frame needs at least 3 states, got " + states);
        }
    }

    public static Frame continuous(int width, int height, float[] values) {
        return new Frame(width, height, 0, false, values);
    }

    public static Frame discrete(int width, int height, int states, byte[] cells) {
        return new Frame(width, height, states, false, floats(cells));
    }

    public static Frame cyclic(int width, int height, int states, byte[] cells) {
        return new Frame(width, height, states, true, floats(cells));
    }

    private static float[] floats(byte[] cells) {
        float[] v = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = cells[i] & 0xFF;
        }
        return v;
    }

    public boolean isDiscrete() {
        return states > 0;
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }

    public int cells() {
        return values.length;
    }

    /** States as bytes, the compact storage form of a discrete frame. */
    public byte[] toBytes() {
        if (!isDiscrete() || states > 256) {
            throw new IllegalStateException("only discrete frames with at most 256 states have a byte form");
        }
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.width == width && f.height == height && f.states == states
                && f.cyclic == cyclic && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * width + height) + states) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "×" + height + (isDiscrete() ? ", " + states + (cyclic ? " cyclic" : "") + " states]" : ", continuous]");
    }
}
