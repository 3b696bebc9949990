package io.morphospark.datasets.trials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.sweep.ParamRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of a {@link TrialSweepSpec}, in a fixed order: the grid's Cartesian product (first
 * parameter slowest), then per grid point the {@code samples} draws of the random parameters, then
 * the repeats. The draws reuse the dataset sweep's counter-based {@link io.morphospark.datasets.sweep.Sampling}
 * (uniform or Latin hypercube; log_uniform is drawn uniformly in log space), so a spec always
 * expands to the same trials.
 */
public final class TrialPlan {
    /** A trial before its job resolves it: the values it sets and its whole configuration tree. */
    public record Trial(int index, Map<String, JsonNode> values, ObjectNode config) {
        public String describe() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v.isTextual() ? v.asText() : v.toString()));
            return sb.toString();
        }
    }

    private TrialPlan() {
    }

    public static List<Trial> of(TrialSweepSpec spec) {
        List<String> gridNames = new ArrayList<>();
        List<String> randomNames = new ArrayList<>();
        spec.parameters.forEach((name, p) -> (p.isGrid() ? gridNames : randomNames).add(name));
        ParamRange[] ranges = new ParamRange[randomNames.size()];
        for (int i = 0; i < ranges.length; i++) {
            TrialSweepSpec.Parameter p = spec.parameters.get(randomNames.get(i));
            ranges[i] = p.uniform != null ? ParamRange.uniform(p.uniform[0], p.uniform[1])
                    : ParamRange.uniform(Math.log(p.logUniform[0]), Math.log(p.logUniform[1]));
        }
        var sampling = TrialSweepSpec.Sampling.parse(spec.sampling, "sampling").shared();
        long[] seeds = spec.repeats == null ? null : spec.repeats.values();

        List<Trial> trials = new ArrayList<>();
        long gridPoints = 1;
        for (String g : gridNames) {
            gridPoints *= spec.parameters.get(g).grid.size();
        }
        for (long point = 0; point < gridPoints; point++) {
            Map<String, JsonNode> gridValues = new LinkedHashMap<>();
            long rest = point;
            for (int i = gridNames.size() - 1; i >= 0; i--) { // the last parameter varies fastest
                List<JsonNode> levels = spec.parameters.get(gridNames.get(i)).grid;
                gridValues.put(gridNames.get(i), levels.get((int) (rest % levels.size())));
                rest /= levels.size();
            }
            for (int s = 0; s < spec.samples; s++) {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                for (String g : gridNames) {
                    values.put(g, gridValues.get(g));
                }
                for (int p = 0; p < ranges.length; p++) {
                    TrialSweepSpec.Parameter param = spec.parameters.get(randomNames.get(p));
                    double v = sampling.value(spec.seed, 0, ranges, p, s, spec.samples);
                    if (param.logUniform != null) {
                        v = Math.exp(v);
                    }
                    values.put(randomNames.get(p), param.integer ? JsonNodeFactory.instance.numberNode(Math.round(v))
                            : JsonNodeFactory.instance.numberNode(v));
                }
                if (seeds == null) {
                    trials.add(trial(trials.size(), spec.base, values));
                } else {
                    for (long seed : seeds) {
                        Map<String, JsonNode> withSeed = new LinkedHashMap<>(values);
                        withSeed.put(spec.repeats.field, JsonNodeFactory.instance.numberNode(seed));
                        trials.add(trial(trials.size(), spec.base, withSeed));
                    }
                }
            }
        }
        return trials;
    }

    private static Trial trial(int index, ObjectNode base, Map<String, JsonNode> values) {
        ObjectNode config = base.deepCopy();
        values.forEach((path, value) -> set(config, path, value));
        return new Trial(index, values, config);
    }

    /** Sets a dotted path ({@code optimizer.sigma}), creating the mappings on the way. */
    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
