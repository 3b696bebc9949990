package io.morphospark.jobs.classifier;

import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.models.classifier.InputTransform;
import org.apache.spark.sql.Row;

import java.util.List;

/** Reads one frame's stored columns (see FrameCodec) as normalised values, from a Spark row or from plain arrays. */
final class FrameColumns {
    private FrameColumns() {
    }

    /** The frame in a stack entry's columns bits/codes/quantised, normalised to [0, 1] (see InputTransform). */
    static float[] normalised(Row r, int states) {
        if (!r.isNullAt(r.fieldIndex("quantised"))) {
            List<Short> l = r.getList(r.fieldIndex("quantised"));
            short[] q = new short[l.size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = l.get(i);
            }
            return normalised(null, null, q, states);
        }
        if (!r.isNullAt(r.fieldIndex("bits"))) {
            List<Boolean> l = r.getList(r.fieldIndex("bits"));
            boolean[] bits = new boolean[l.size()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = l.get(i);
            }
            return normalised(bits, null, null, states);
        }
        List<Byte> l = r.getList(r.fieldIndex("codes"));
        byte[] bytes = new byte[l.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = l.get(i);
        }
        return normalised(null, bytes, null, states);
    }

    /** The same from the one non-null column of bits, state codes or quantised values. */
    static float[] normalised(boolean[] bits, byte[] codes, short[] quantised, int states) {
        if (quantised != null) {
            return InputTransform.normaliseQuantised(quantised);
        }
        return InputTransform.normaliseStates(FrameCodec.decode(bits, codes, null, 0, 1), Math.max(2, states));
    }
}
