package io.morphospark.datasets.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.models.patterns.FrameSchedule;
import io.morphospark.models.patterns.ParamSpec;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.labels.LabelRegion;
import io.morphospark.models.patterns.labels.PatternLabel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
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

        /** The fewest steps any sample of the label runs (whole numbers, as the simulators get them); 0 for a static model. */
        long minSteps() {
            for (int p = 0; p < names.length; p++) {
                if (names[p].equals(RunSpec.STEPS.name())) {
                    double lo = ranges[p].isGrid() ? Arrays.stream(ranges[p].grid).min().orElse(0) : ranges[p].lo();
                    return (long) RunSpec.STEPS.resolve(lo);
                }
            }
            return 0;
        }

        boolean dynamic() {
            return Arrays.asList(names).contains(RunSpec.STEPS.name());
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

    /**
     * Checks the spec completely, as a run would (every label, every parameter's range endpoints
     * and grid levels against the values its model accepts, frames against steps), and plans it.
     * Everything a run could refuse later is refused here, before anything is written.
     */
    public static SweepPlan of(SweepSpec spec) {
        spec.validate(catalogue());
        List<LabelPlan> labels = new ArrayList<>();
        List<Shard> shards = new ArrayList<>();
        long nextId = 0;
        for (Map.Entry<String, SweepSpec.LabelSpec> e : spec.labels.entrySet()) {
            String field = "labels." + e.getKey();
            LabelRegion region = LabelRegion.of(PatternLabel.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), e.getValue().family);
            Map<String, double[]> defaults = region.defaults();
            Map<String, ParamSpec> valid = region.parameters();
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
                checkValues(field + ".params." + names[p], ranges[p], valid.get(names[p]));
            }
            int n = e.getValue().samples(spec);
            LabelPlan plan = new LabelPlan(region.label(), region.family(), n, nextId,
                    Sampling.parse(e.getValue().sampling, field + ".sampling"), names, ranges);
            if (plan.dynamic()) {
                checkFrames(spec, field, plan.minSteps());
            }
            for (long first = 0; first < n; first += spec.samplesPerShard) {
                shards.add(new Shard(shards.size(), labels.size(), first, (int) Math.min(spec.samplesPerShard, n - first)));
            }
            labels.add(plan);
            nextId += n;
        }
        return new SweepPlan(spec, labels, shards);
    }

    /**
     * Every value a range can give lies in [lo, hi] (or is one of its levels), and a whole-number
     * parameter's draws are rounded to whole numbers between whole endpoints, so checking the
     * endpoints and levels checks every value any sampling can draw.
     */
    private static void checkValues(String field, ParamRange range, ParamSpec valid) {
        double[] values = range.isGrid() ? range.grid : range.uniform;
        String part = range.isGrid() ? ".grid" : ".uniform";
        for (double v : values) {
            String problem = valid.problem(v);
            if (problem != null) {
                throw new BadInputException(field + part + ": " + valid.name() + " " + problem);
            }
        }
    }

    private static void checkFrames(SweepSpec spec, String field, long minSteps) {
        if (spec.frameStride > minSteps) {
            throw new BadInputException("frame_stride " + spec.frameStride + " is larger than the steps of " + field
                    + " (from " + minSteps + ")");
        }
        if (spec.frameStride == 0 && spec.framesPerSample() > minSteps + 1) {
            throw new BadInputException("frames_per_sample " + spec.framesPerSample() + " needs at least "
                    + (spec.framesPerSample() - 1) + " steps, but " + field + ".params.steps goes down to " + minSteps);
        }
    }

    /** The spec with every default made explicit: what the dataset's manifest records and what identifies it. */
    public SweepSpec resolvedSpec() {
        SweepSpec r = new SweepSpec();
        r.formatVersion = spec.formatVersion;
        r.seed = spec.seed;
        r.samplesPerLabel = spec.samplesPerLabel;
        r.samplesPerShard = spec.samplesPerShard;
        r.grid.minSide = spec.grid.minSide;
        r.grid.maxSide = spec.grid.maxSide;
        r.frameStride = spec.frameStride;
        r.framesPerSample = spec.frameStride > 0 ? null : spec.framesPerSample();
        r.augment.symmetry = spec.augment.symmetry;
        r.augment.maxNoise = spec.augment.maxNoise;
        for (LabelPlan l : labels) {
            SweepSpec.LabelSpec ls = new SweepSpec.LabelSpec();
            ls.family = l.family();
            ls.samples = l.samples();
            ls.sampling = l.sampling().id();
            for (int p = 0; p < l.names().length; p++) {
                ls.params.put(l.names()[p], l.ranges()[p]);
            }
            r.labels.put(l.label().id(), ls);
        }
        return r;
    }

    /**
     * What a dataset holds, as a tree: the resolved spec in the spec format itself, so the
     * manifest's {@code spec} can be fed back to {@code generate} as it is (and plans the same).
     */
    public JsonNode identity() {
        return SweepSpec.YAML.valueToTree(resolvedSpec());
    }

    /** Which steps of a sample's run become frames. */
    public FrameSchedule schedule() {
        return spec.frameStride > 0 ? FrameSchedule.every(spec.frameStride) : FrameSchedule.evenly(spec.framesPerSample());
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
        Double steps = values.get(RunSpec.STEPS.name());
        if (steps == null) {
            return 1; // a static field has one frame
        }
        return schedule().count((int) RunSpec.STEPS.resolve(steps));
    }
}
