package io.morphospark.models.classifier;

import io.morphospark.models.random.RandomStreams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Train/validation/test assignment that tests the pattern, not the generator:
 * <ul>
 *   <li>{@code parameters} (default): per label, the samples are ordered along a random direction in
 *       the label's parameter space (each varying parameter scaled to [0, 1] over the label), and the
 *       lowest {@code test} fraction is the test set, the next {@code validation} fraction the
 *       validation set: whole regions of parameter space (half-spaces) are never seen in training.
 *       A label whose parameters do not vary is split by seed.</li>
 *   <li>{@code seed}: by the sample's simulation seed (samples sharing a seed stay together).</li>
 *   <li>{@code sample}: by sample id (the weakest test; for comparison only).</li>
 * </ul>
 * A pure function of the samples and the split seed: the same on any cluster.
 */
public final class DataSplit {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    public enum Mode {
        PARAMETERS, SEED, SAMPLE;

        public static Mode of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a split needs to know of a sample (no frames). */
    public record Key(long id, String label, long seed, Map<String, Double> params) {
    }

    private DataSplit() {
    }

    /** id → train, validation or test. */
    public static Map<Long, String> assign(List<Key> samples, Mode mode, double validation, double test, long splitSeed) {
        Map<Long, String> out = new HashMap<>();
        if (mode != Mode.PARAMETERS) {
            for (Key k : samples) {
                out.put(k.id(), byFraction(uniform(splitSeed, mode == Mode.SEED ? k.seed() : k.id()), validation, test));
            }
            return out;
        }
        TreeMap<String, List<Key>> byLabel = new TreeMap<>();
        for (Key k : samples) {
            byLabel.computeIfAbsent(k.label(), l -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<Key>> e : byLabel.entrySet()) {
            List<Key> keys = e.getValue();
            List<String> varying = varying(keys);
            if (varying.isEmpty()) {
                keys.forEach(k -> out.put(k.id(), byFraction(uniform(splitSeed, k.seed()), validation, test)));
                continue;
            }
            double[] min = new double[varying.size()];
            double[] max = new double[varying.size()];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (Key k : keys) {
                for (int j = 0; j < varying.size(); j++) {
                    double v = k.params().get(varying.get(j));
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            double[] direction = direction(splitSeed, e.getKey(), varying.size());
            Map<Long, Double> projection = new HashMap<>();
            for (Key k : keys) {
                double p = 0;
                for (int j = 0; j < varying.size(); j++) {
                    p += direction[j] * (k.params().get(varying.get(j)) - min[j]) / (max[j] - min[j]);
                }
                projection.put(k.id(), p);
            }
            List<Key> ordered = new ArrayList<>(keys);
            ordered.sort(Comparator.comparingDouble((Key k) -> projection.get(k.id())).thenComparingLong(Key::id));
            int nTest = (int) Math.round(test * ordered.size());
            int nValidation = (int) Math.round(validation * ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                out.put(ordered.get(i).id(), i < nTest ? TEST : i < nTest + nValidation ? VALIDATION : TRAIN);
            }
        }
        return out;
    }

    /** The parameters (sorted by name) that take more than one value within a label and are present in every sample. */
    private static List<String> varying(List<Key> keys) {
        TreeSet<String> names = new TreeSet<>(keys.get(0).params().keySet());
        keys.forEach(k -> names.retainAll(k.params().keySet()));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            double first = keys.get(0).params().get(n);
            if (keys.stream().anyMatch(k -> k.params().get(n) != first)) {
                out.add(n);
            }
        }
        return out;
    }

    /** A random unit direction with positive components (so "low" is a corner of the box), fixed by seed and label. */
    private static double[] direction(long splitSeed, String label, int dims) {
        SplittableRandom r = new SplittableRandom(RandomStreams.mix64(splitSeed ^ RandomStreams.mix64(label.hashCode())));
        double[] d = new double[dims];
        double norm = 0;
        for (int j = 0; j < dims; j++) {
            d[j] = 0.25 + r.nextDouble();
            norm += d[j] * d[j];
        }
        for (int j = 0; j < dims; j++) {
            d[j] /= Math.sqrt(norm);
        }
        return d;
    }

    private static double uniform(long splitSeed, long key) {
        return (RandomStreams.mix64(splitSeed ^ RandomStreams.mix64(key)) >>> 11) * 0x1.0p-53;
    }

    private static String byFraction(double u, double validation, double test) {
        return u < test ? TEST : u < test + validation ? VALIDATION : TRAIN;
    }
}
