package io.morphospark.datasets.sweep;

import io.morphospark.datasets.BadInputException;
import io.morphospark.models.patterns.labels.LabelRegion;
import io.morphospark.models.patterns.labels.PatternLabel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked spec turned into work: per label its family, sample count, first global id and
 * effective parameter ranges (the catalogue's defaults overridden by the spec), and the shards.
 * A sample's id and parameter values depend only on the spec, never on how it is sharded.
 */
public final class SweepPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One label's part of the plan. */
    public record LabelPlan(PatternLabel label, String family, int samples, long firstId, Sampling sampling,
                            String[] names, ParamRange[] ranges) implements Serializable {
        /** Parameter values of the label's {@code index}-th sample. */
        public Map<String, Double> values(long seed, long index) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (int p = 0; p < names.length; p++) {
                v.put(names[p], sampling.value(seed, label.ordinal() + 1, ranges, p, index, samples));
            }
            return v;
        }

        double minSteps() {
            for (int p = 0; p < names.length; p++) {
                if (names[p].equals("steps")) {
                    return ranges[p].isGrid() ? java.util.Arrays.stream(ranges[p].grid).min().orElse(0) : ranges[p].lo();
                }
            }
            return 0;
        }
    }

    /** A unit of work and of commit: consecutive samples of one label. */
    public record Shard(int index, int label, long firstIndex, int count) implements Serializable {
    }

    private final SweepSpec spec;
    private final List<LabelPlan> labels;
    private final List<Shard> shards;

    private SweepPlan(SweepSpec spec, List<LabelPlan> labels, List<Shard> shards) {
        this.spec = spec;
        this.labels = labels;
        this.shards = shards;
    }

    /** Family → labels it makes, from the catalogue. */
    public static Map<String, Set<String>> catalogue() {
        Map<String, Set<String>> c = new LinkedHashMap<>();
        for (LabelRegion r : LabelRegion.values()) {
            c.computeIfAbsent(r.family(), f -> new LinkedHashSet<>()).add(r.label().id());
        }
        return c;
    }

    public static SweepPlan of(SweepSpec spec) {
        spec.validate(catalogue());
        List<LabelPlan> labels = new ArrayList<>();
        List<Shard> shards = new ArrayList<>();
        long nextId = 0;
        for (Map.Entry<String, SweepSpec.LabelSpec> e : spec.labels.entrySet()) {
            String field = "labels." + e.getKey();
            LabelRegion region = LabelRegion.of(PatternLabel.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), e.getValue().family);
            Map<String, double[]> defaults = region.defaults();
            for (String name : e.getValue().params.keySet()) {
                if (!defaults.containsKey(name)) {
                    throw new BadInputException(field + ".params." + name + ": unknown parameter of " + region.family()
                            + "; it has: " + String.join(", ", defaults.keySet()));
                }
            }
            String[] names = defaults.keySet().toArray(String[]::new);
            ParamRange[] ranges = new ParamRange[names.length];
            for (int p = 0; p < names.length; p++) {
                ParamRange given = e.getValue().params.get(names[p]);
                ranges[p] = given != null ? given : ParamRange.uniform(defaults.get(names[p])[0], defaults.get(names[p])[1]);
            }
            int n = e.getValue().samples(spec);
            LabelPlan plan = new LabelPlan(region.label(), region.family(), n, nextId,
                    Sampling.parse(e.getValue().sampling, field + ".sampling"), names, ranges);
            if (spec.frameStride > 0 && defaults.containsKey("steps") && spec.frameStride > plan.minSteps()) {
                throw new BadInputException("frame_stride " + spec.frameStride + " is larger than the steps of " + field
                        + " (from " + (long) plan.minSteps() + ")");
            }
            for (long first = 0; first < n; first += spec.samplesPerShard) {
                shards.add(new Shard(shards.size(), labels.size(), first, (int) Math.min(spec.samplesPerShard, n - first)));
            }
            labels.add(plan);
            nextId += n;
        }
        return new SweepPlan(spec, labels, shards);
    }

    public SweepSpec spec() {
        return spec;
    }

    public List<LabelPlan> labels() {
        return labels;
    }

    public List<Shard> shards() {
        return shards;
    }

    /** Frames recorded for a sample with these values. */
    public int frames(Map<String, Double> values) {
        Double steps = values.get("steps");
        if (steps == null) {
            return 1; // a static field has one frame
        }
        return spec.frameStride > 0 ? (int) (Math.round(steps) / spec.frameStride) + 1 : spec.framesPerSample;
    }
}
