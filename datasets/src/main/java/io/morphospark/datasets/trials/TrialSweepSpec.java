package io.morphospark.datasets.trials;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.config.StrictYaml;
import io.morphospark.datasets.run.RunManifest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep of trials of one job (not to be confused with {@code generate}'s dataset sweep spec in
 * {@code datasets.sweep}): a base configuration, parameters to vary and repeats over seeds, read
 * with the strict YAML reader. Example:
 * <pre>
 * job: es                       # es, nca-train, nca-train-advection (see `morphospark sweep --help`)
 * name: es-algorithms           # optional; the catalogue's sweep column (default: the file name)
 * out: /data/sweeps/es          # the output root (--out overrides it)
 * base: {generations: 20, problem: {replicates: 10}}
 * parameters:
 *   optimizer.algorithm: {grid: [mu-plus-lambda, cma-es, snes]}
 *   optimizer.sigma: {log_uniform: [0.01, 1.0]}
 *   optimizer.population: {uniform: [8, 32], integer: true}
 * samples: 4                    # draws of the uniform / log-uniform parameters per grid point
 * sampling: latin-hypercube     # or uniform (independent draws)
 * seed: 7                       # seed of those draws
 * repeats: {field: seed, seeds: [1, 2, 3]}   # or {field: seed, count: 3}: seeds 0, 1, 2
 * </pre>
 * Parameter names are dotted paths into the job's configuration, as run.json records it.
 */
public final class TrialSweepSpec {
    public static final ObjectMapper YAML = StrictYaml.mapper();

    public String job;
    @JsonSetter(nulls = Nulls.SET)
    public String name;
    @JsonSetter(nulls = Nulls.SET)
    public String out;
    public ObjectNode base = YAML.createObjectNode();
    public LinkedHashMap<String, Parameter> parameters = new LinkedHashMap<>();
    public int samples = 1;
    public String sampling = "uniform";
    public long seed = 0;
    @JsonSetter(nulls = Nulls.SET)
    public Repeats repeats;

    /** One varied parameter: exactly one of grid, uniform, log_uniform. */
    public static final class Parameter {
        @JsonSetter(nulls = Nulls.SET)
        public List<JsonNode> grid;
        @JsonSetter(nulls = Nulls.SET)
        public double[] uniform;
        @JsonSetter(nulls = Nulls.SET)
        public double[] logUniform;
        /** Round the draws of uniform / log_uniform to whole numbers. */
        public boolean integer;

        public boolean isGrid() {
            return grid != null;
        }
    }

    /** The same trial run with several seeds: {@code field} is set to each of {@code seeds} (or 0..count-1). */
    public static final class Repeats {
        public String field = "seed";
        @JsonSetter(nulls = Nulls.SET)
        public long[] seeds;
        @JsonSetter(nulls = Nulls.SET)
        public Integer count;

        public long[] values() {
            if (seeds != null) {
                return seeds.clone();
            }
            long[] v = new long[count];
            for (int i = 0; i < count; i++) {
                v[i] = i;
            }
            return v;
        }
    }

    public static TrialSweepSpec read(Path file) {
        TrialSweepSpec spec = StrictYaml.read(YAML, file, "sweep spec", TrialSweepSpec.class);
        if (spec.name == null) {
            String f = file.getFileName().toString();
            spec.name = f.replaceFirst("\\.[^.]*$", "");
        }
        spec.validate();
        return spec;
    }

    /** Every check that needs no job; each message names the field. */
    public void validate() {
        if (job == null || job.isBlank()) {
            throw new BadInputException("job: give the job to sweep");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new BadInputException("name: use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        boolean random = false;
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            String field = "parameters." + e.getKey();
            Parameter p = e.getValue();
            if (p == null) {
                throw new BadInputException(field + ": give grid: [values], uniform: [lo, hi] or log_uniform: [lo, hi]");
            }
            int given = (p.grid != null ? 1 : 0) + (p.uniform != null ? 1 : 0) + (p.logUniform != null ? 1 : 0);
            if (given != 1) {
                throw new BadInputException(field + ": give exactly one of grid: [values], uniform: [lo, hi] or "
                        + "log_uniform: [lo, hi]");
            }
            if (p.grid != null) {
                if (p.grid.isEmpty()) {
                    throw new BadInputException(field + ".grid: the grid is empty; give at least one value");
                }
                if (p.integer) {
                    throw new BadInputException(field + ".integer: applies to uniform and log_uniform only");
                }
                continue;
            }
            random = true;
            String kind = p.uniform != null ? "uniform" : "log_uniform";
            double[] range = p.uniform != null ? p.uniform : p.logUniform;
            if (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
                throw new BadInputException(field + "." + kind + ": give two finite numbers [lo, hi]");
            }
            if (range[0] > range[1]) {
                throw new BadInputException(field + "." + kind + ": lo " + range[0] + " > hi " + range[1]);
            }
            if (p.logUniform != null && !(range[0] > 0)) {
                throw new BadInputException(field + ".log_uniform: lo must be positive, got " + range[0]);
            }
        }
        if (samples < 1) {
            throw new BadInputException("samples: must be at least 1, got " + samples);
        }
        if (samples > 1 && !random) {
            throw new BadInputException("samples: " + samples + " draws need a uniform or log_uniform parameter "
                    + "(grid values and repeats are not drawn)");
        }
        Sampling.parse(sampling, "sampling");
        if (repeats != null) {
            if (repeats.field == null || repeats.field.isBlank()) {
                throw new BadInputException("repeats.field: give the configuration field that takes the seeds");
            }
            if ((repeats.seeds == null) == (repeats.count == null)) {
                throw new BadInputException("repeats: give exactly one of seeds: [list] or count: N");
            }
            if (repeats.seeds != null && repeats.seeds.length == 0) {
                throw new BadInputException("repeats.seeds: the list is empty");
            }
            if (repeats.count != null && repeats.count < 1) {
                throw new BadInputException("repeats.count: must be at least 1, got " + repeats.count);
            }
            if (parameters.containsKey(repeats.field)) {
                throw new BadInputException("repeats.field: '" + repeats.field + "' is also a parameter; vary it in one place");
            }
        }
    }

    /** What identifies the sweep in its root: everything but the root itself (a moved root is the same sweep). */
    public String hash() {
        ObjectNode tree = YAML.valueToTree(this);
        tree.remove("out");
        return RunManifest.configHash(tree);
    }

    public ObjectNode toTree() {
        return YAML.valueToTree(this);
    }

    /** How the draws of the random parameters cover their ranges. */
    enum Sampling {
        UNIFORM, LATIN_HYPERCUBE;

        static Sampling parse(String name, String field) {
            return switch (String.valueOf(name)) {
                case "uniform" -> UNIFORM;
                case "latin-hypercube" -> LATIN_HYPERCUBE;
                default -> throw new BadInputException(field + ": must be uniform or latin-hypercube, got '" + name + "'");
            };
        }

        io.morphospark.datasets.sweep.Sampling shared() {
            return this == UNIFORM ? io.morphospark.datasets.sweep.Sampling.UNIFORM
                    : io.morphospark.datasets.sweep.Sampling.LATIN_HYPERCUBE;
        }
    }
}
