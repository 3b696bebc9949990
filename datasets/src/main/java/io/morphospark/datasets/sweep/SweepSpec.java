package io.morphospark.datasets.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.config.StrictYaml;
import io.morphospark.models.patterns.RunSpec;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A pattern-dataset sweep: which labels, how many samples each, their parameter ranges and
 * sampling, grid sizes, frames, augmentation and the seed. Read from YAML by the strict reader;
 * every error names the field. Its resolved form ({@link SweepPlan#resolvedSpec()}) identifies a
 * dataset: a different spec never writes into it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SweepSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * How a spec becomes data. 2: frame k of F at step round(k·steps/(F−1)) (1 recorded unevenly
     * spaced frames). Part of a dataset's identity, so a dataset of another format is never extended.
     */
    public static final int FORMAT_VERSION = 2;
    /** Frames per sample when neither frames_per_sample nor frame_stride is given. */
    public static final int DEFAULT_FRAMES = 20;

    static final ObjectMapper YAML = StrictYaml.mapper();

    public int formatVersion = FORMAT_VERSION;
    public long seed = 1;
    public int samplesPerLabel = 100;
    public int samplesPerShard = 50;
    public Grid grid = new Grid();
    /**
     * Frames recorded per sample, evenly spaced over its steps (the first and last included);
     * unset: {@link #DEFAULT_FRAMES}, or none when {@code frame_stride} is given.
     */
    public Integer framesPerSample;
    /** When set (> 0), record every this many steps instead of a fixed number of frames. */
    public int frameStride = 0;
    public Augment augment = new Augment();
    public Map<String, LabelSpec> labels = new LinkedHashMap<>();

    public int framesPerSample() {
        return framesPerSample != null ? framesPerSample : DEFAULT_FRAMES;
    }

    public static final class Grid implements Serializable {
        public int minSide = 64;
        public int maxSide = 64;
    }

    /** Symmetries (rotations, flips) and observation noise applied to every frame of a sample. */
    public static final class Augment implements Serializable {
        public boolean symmetry = true;
        public double maxNoise = 0.02;
    }

    /** One label: a region of one family's parameter space. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class LabelSpec implements Serializable {
        public String family;
        /** Overrides the label's default sample count. */
        public Integer samples;
        public String sampling = "uniform";
        /** Overrides of the family's default ranges for this label; steps is a parameter too. */
        public Map<String, ParamRange> params = new LinkedHashMap<>();

        public int samples(SweepSpec spec) {
            return samples != null ? samples : spec.samplesPerLabel;
        }
    }

    public static SweepSpec read(Path file) {
        return StrictYaml.read(YAML, file, "spec", SweepSpec.class);
    }

    /**
     * Checks everything that does not need the simulators: counts, sizes, ranges, frames. The
     * catalogue of families and labels is checked by whoever knows it ({@code knownLabels}).
     */
    public void validate(Map<String, Set<String>> familyLabels) {
        if (formatVersion != FORMAT_VERSION) {
            throw new BadInputException("format_version " + formatVersion + " is not supported: this version writes format "
                    + FORMAT_VERSION + " (frame k of F at step round(k·steps/(F−1)))");
        }
        if (labels == null || labels.isEmpty()) {
            throw new BadInputException("labels: the spec names no label");
        }
        positive("samples_per_label", samplesPerLabel);
        positive("samples_per_shard", samplesPerShard);
        if (grid.minSide < 32) {
            throw new BadInputException("grid.min_side must be at least 32, got " + grid.minSide);
        }
        if (grid.maxSide < grid.minSide) {
            throw new BadInputException("grid: max_side " + grid.maxSide + " is smaller than min_side " + grid.minSide);
        }
        if ((long) grid.maxSide * grid.maxSide > RunSpec.MAX_CELLS) {
            throw new BadInputException("grid.max_side must be at most " + (int) Math.sqrt(RunSpec.MAX_CELLS)
                    + " (a frame holds at most " + RunSpec.MAX_CELLS + " cells), got " + grid.maxSide);
        }
        if (frameStride < 0) {
            throw new BadInputException("frame_stride must be 0 (use frames_per_sample) or positive, got " + frameStride);
        }
        if (frameStride > 0 && framesPerSample != null) {
            throw new BadInputException("frames_per_sample " + framesPerSample + " and frame_stride " + frameStride
                    + " are both given: give one");
        }
        if (frameStride == 0 && framesPerSample() < 1) {
            throw new BadInputException("frames_per_sample must be at least 1, got " + framesPerSample());
        }
        if (!(augment.maxNoise >= 0 && augment.maxNoise <= 0.5)) {
            throw new BadInputException("augment.max_noise must be in [0, 0.5], got " + augment.maxNoise);
        }
        for (Map.Entry<String, LabelSpec> e : labels.entrySet()) {
            String field = "labels." + e.getKey();
            LabelSpec l = e.getValue();
            if (l == null) {
                throw new BadInputException(field + ": give at least its family");
            }
            Set<String> known = familyLabels.get(l.family);
            if (l.family == null || known == null) {
                throw new BadInputException(field + ".family: unknown family '" + l.family + "'; known families: "
                        + String.join(", ", familyLabels.keySet()));
            }
            if (!known.contains(e.getKey())) {
                throw new BadInputException(field + ": unknown label for family " + l.family + "; it makes: "
                        + String.join(", ", known));
            }
            if (l.params == null) {
                throw new BadInputException(field + ".params: give a mapping of parameter: range");
            }
            positive(field + ".samples", l.samples(this));
            Sampling.parse(l.sampling, field + ".sampling");
            for (Map.Entry<String, ParamRange> p : l.params.entrySet()) {
                if (p.getValue() == null) {
                    throw new BadInputException(field + ".params." + p.getKey() + ": give uniform: [lo, hi] or grid: [values]");
                }
                p.getValue().validate(field + ".params." + p.getKey());
            }
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new BadInputException(field + " must be at least 1, got " + value);
        }
    }

    public long totalSamples() {
        return labels.values().stream().mapToLong(l -> l.samples(this)).sum();
    }
}
