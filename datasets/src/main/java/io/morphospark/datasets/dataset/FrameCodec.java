package io.morphospark.datasets.dataset;

import io.morphospark.models.patterns.Frame;

/**
 * How a frame is stored so that any Parquet engine reads it without our code:
 * <ul>
 *   <li>binary frames (2 states) as {@code array<boolean>}: Parquet bit-packs booleans, 1 bit a cell;</li>
 *   <li>few-valued frames (≤ 127 states) as {@code array<tinyint>}: dictionary/RLE-encoded at
 *       ⌈log₂ states⌉ bits a cell;</li>
 *   <li>continuous frames as {@code array<smallint>} quantised to 16 bits between the frame's
 *       minimum and maximum: value = {@code q_offset + (q + 32768) · q_scale}, error ≤ range/65535.
 *       (Parquet's BYTE_STREAM_SPLIT would keep float32 exactly, but Spark's writer cannot switch it
 *       on in parquet-hadoop 1.15.)</li>
 * </ul>
 * Exactly one of the three columns is non-null in a row.
 */
public final class FrameCodec {
    private FrameCodec() {
    }

    /** The values of the frame columns (bits, states, quantised, q_offset, q_scale) for one frame. */
    public static Object[] encode(Frame f) {
        if (f.states() == 2) {
            boolean[] bits = new boolean[f.cells()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = f.values()[i] != 0f;
            }
            return new Object[] {bits, null, null, null, null};
        }
        if (f.isDiscrete() && f.states() <= Byte.MAX_VALUE) {
            return new Object[] {null, f.toBytes(), null, null, null};
        }
        float[] v = f.values();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double scale = max > min ? ((double) max - min) / 65535.0 : 1.0;
        short[] q = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = (short) (Math.round((v[i] - min) / scale) - 32768);
        }
        return new Object[] {null, null, q, (double) min, scale};
    }

    /** Decodes the stored columns back into values (for galleries and tests). */
    public static float[] decode(boolean[] bits, byte[] states, short[] quantised, double offset, double scale) {
        if (bits != null) {
            float[] v = new float[bits.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = bits[i] ? 1f : 0f;
            }
            return v;
        }
        if (states != null) {
            float[] v = new float[states.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = states[i];
            }
            return v;
        }
        float[] v = new float[quantised.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (offset + (quantised[i] + 32768) * scale);
        }
        return v;
    }
}
