package io.morphospark.udfs;

import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.models.classifier.InputTransform;
import io.morphospark.models.classifier.TrainedClassifier;
import org.apache.spark.sql.api.java.UDF7;
import scala.collection.Seq;

import java.nio.file.Path;

/**
 * {@code classify_pattern(model, width, height, states, bits, codes, quantised)}: the label a
 * trained one-frame classifier gives a stored frame, e.g. over a dataset's samples table
 * {@code classify_pattern('/runs/clf', width, height, states, final_bits, final_states, final_quantised)}.
 * The model is opened once per executor JVM and path.
 */
final class ClassifyPattern implements UDF7<String, Integer, Integer, Integer, Seq<?>, Seq<?>, Seq<?>, String> {
    @Override
    public String call(String model, Integer width, Integer height, Integer states, Seq<?> bits, Seq<?> codes,
                       Seq<?> quantised) {
        if (model == null || width == null || height == null || (bits == null && codes == null && quantised == null)) {
            return null;
        }
        float[] v;
        if (quantised != null) {
            short[] q = new short[quantised.size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = ((Number) quantised.apply(i)).shortValue();
            }
            v = InputTransform.normaliseQuantised(q);
        } else if (bits != null) {
            boolean[] b = new boolean[bits.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (Boolean) bits.apply(i);
            }
            v = FrameCodec.decode(b, null, null, 0, 1);
        } else {
            byte[] c = new byte[codes.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = ((Number) codes.apply(i)).byteValue();
            }
            v = InputTransform.normaliseStates(FrameCodec.decode(null, c, null, 0, 1), Math.max(2, states == null ? 2 : states));
        }
        if (v.length != width * height) {
            throw new IllegalArgumentException(MorphoSparkFunctions.CLASSIFY_PATTERN + ": " + v.length + " cells for a "
                    + width + "×" + height + " frame");
        }
        return TrainedClassifier.open(Path.of(model)).classify(v, height, width);
    }
}
