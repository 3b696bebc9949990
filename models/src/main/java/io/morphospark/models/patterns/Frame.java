package io.morphospark.models.patterns;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One observed 2-D grid, row-major ({@code values[y * width + x]}). Discrete models (automata,
 * cell types) store their small integer states exactly as floats and say how many states there
 * are; continuous fields (concentrations) have {@code states == 0}. One representation keeps every
 * metric and every writer single-path.
 */
public record Frame(int width, int height, int states, float[] values) implements Serializable {

    public Frame {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException("frame of " + width + " × " + height + " cannot hold " + values.length + " values");
        }
        if (states < 0 || states == 1) {
            throw new IllegalArgumentException("states must be 0 (continuous) or at least 2, got " + states);
        }
    }

    public static Frame continuous(int width, int height, float[] values) {
        return new Frame(width, height, 0, values);
    }

    public static Frame discrete(int width, int height, int states, byte[] cells) {
        float[] v = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = cells[i] & 0xFF;
        }
        return new Frame(width, height, states, v);
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
                && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * width + height) + states) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "×" + height + (isDiscrete() ? ", " + states + " states]" : ", continuous]");
    }
}
