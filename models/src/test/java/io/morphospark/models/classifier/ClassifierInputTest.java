package io.morphospark.models.classifier;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier's input pieces: symmetries, resize, augmentation streams, splits and batches. */
class ClassifierInputTest {
    private static float[] ramp(int channels, int n) {
        float[] v = new float[channels * n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void theEightSymmetriesAreDistinctAndFourQuarterTurnsAreTheIdentity() {
        float[] v = ramp(2, 5);
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 8; s++) {
            seen.add(java.util.Arrays.toString(InputTransform.symmetry(v, 2, 5, 5, s)));
        }
        assertEquals(8, seen.size());
        float[] turned = v;
        for (int t = 0; t < 4; t++) {
            turned = InputTransform.symmetry(turned, 2, 5, 5, 1);
        }
        assertArrayEquals(v, turned);
        float[] mirrored = InputTransform.symmetry(InputTransform.symmetry(v, 2, 5, 5, 4), 2, 5, 5, 4);
        assertArrayEquals(v, mirrored);
    }

    @Test
    void resizeKeepsAConstantFrameAndTheSameSideUntouched() {
        float[] c = new float[64 * 64];
        java.util.Arrays.fill(c, 0.25f);
        for (float x : InputTransform.resize(c, 64, 64, 50)) {
            assertEquals(0.25f, x, 1e-6f);
        }
        float[] v = ramp(1, 8);
        assertTrue(InputTransform.resize(v, 8, 8, 8) == v);
    }

    @Test
    void augmentationIsAFunctionOfItsStream() {
        PatternSample s = new PatternSample(7, 1, 1, 6, 6, ramp(1, 6));
        var a = InputTransform.augment(s, true, 0.1, new SplittableRandom(42));
        var b = InputTransform.augment(s, true, 0.1, new SplittableRandom(42));
        assertArrayEquals(a.values(), b.values());
        assertEquals(0f, s.values()[0]); // the stored sample is never changed in place
    }

    @Test
    void parameterSplitHoldsOutTheLowCornerOfEachLabelsParameterSpace() {
        List<DataSplit.Key> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(new DataSplit.Key(i, "a", 1000 + i, Map.of("f", i / 100.0, "steps", 50.0)));
            keys.add(new DataSplit.Key(100 + i, "b", 2000 + i, Map.of("k", (99 - i) / 100.0)));
        }
        Map<Long, String> split = DataSplit.assign(keys, DataSplit.Mode.PARAMETERS, 0.2, 0.1, 5);
        assertEquals(200, split.size());
        for (String label : List.of("a", "b")) {
            long base = label.equals("a") ? 0 : 100;
            long test = keys.stream().filter(k -> k.label().equals(label) && split.get(k.id()).equals(DataSplit.TEST)).count();
            long validation = keys.stream().filter(k -> k.label().equals(label)
                    && split.get(k.id()).equals(DataSplit.VALIDATION)).count();
            assertEquals(10, test, label);
            assertEquals(20, validation, label);
            // one varying parameter: the held-out samples are the lowest values of it, a region, not a scatter
            for (DataSplit.Key k : keys) {
                if (!k.label().equals(label)) {
                    continue;
                }
                double p = k.params().containsKey("f") ? k.params().get("f") : k.params().get("k");
                String expected = p < 0.10 ? DataSplit.TEST : p < 0.30 ? DataSplit.VALIDATION : DataSplit.TRAIN;
                assertEquals(expected, split.get(k.id()), "id " + k.id() + " (base " + base + ")");
            }
        }
        assertEquals(split, DataSplit.assign(keys, DataSplit.Mode.PARAMETERS, 0.2, 0.1, 5));
    }

    @Test
    void batchesHoldOneShapeAndStreamAgainOnReset() {
        List<PatternSample> samples = List.of(
                new PatternSample(1, 0, 1, 4, 4, new float[16]), new PatternSample(2, 1, 1, 4, 4, new float[16]),
                new PatternSample(3, 1, 1, 6, 6, new float[36]));
        SampleBatches it = new SampleBatches(samples::iterator, 32, List.of("x", "y"), 1);
        for (int pass = 0; pass < 2; pass++) {
            var first = it.next();
            assertArrayEquals(new long[] {2, 1, 4, 4}, first.getFeatures().shape());
            assertArrayEquals(new long[] {1, 2}, it.lastIds());
            assertEquals(1, first.getLabels().getInt(1, 1));
            assertArrayEquals(new long[] {1, 1, 6, 6}, it.next().getFeatures().shape());
            assertTrue(!it.hasNext());
            it.reset();
        }
    }
}
