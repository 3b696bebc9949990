package io.morphospark.jobs.classifier;

import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.models.classifier.InputTransform;
import org.apache.spark.sql.Row;

import java.util.List;

/** Reads one frame's stored columns (see FrameCodec) from a Spark row as normalised values. */
final class FrameColumns {
    private FrameColumns() {
    }

    /** The frame in a stack entry's columns bits/codes/quantised, normalised to [0, 1] (see InputTransform). */
    static float[] normalised(Row r, int states) {
        String prefix = "";
        if (!r.isNullAt(r.fieldIndex(prefix + "quantised"))) {
            List<Short> l = r.getList(r.fieldIndex(prefix + "quantised"));
            short[] q = new short[l.size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = l.get(i);
            }
            return InputTransform.normaliseQuantised(q);
        }
        boolean[] bits = null;
        byte[] bytes = null;
        if (!r.isNullAt(r.fieldIndex(prefix + "bits"))) {
            List<Boolean> l = r.getList(r.fieldIndex(prefix + "bits"));
            bits = new boolean[l.size()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = l.get(i);
            }
        } else {
            List<Byte> l = r.getList(r.fieldIndex(prefix + "codes"));
            bytes = new byte[l.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = l.get(i);
            }
        }
        return InputTransform.normaliseStates(FrameCodec.decode(bits, bytes, null, 0, 1), Math.max(2, states));
    }
}
