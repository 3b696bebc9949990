package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.config.StrictYaml;
import io.morphospark.datasets.run.RunManifest;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the sweep runner needs of a job, so it never branches on the job's type: its name, how a
 * configuration tree becomes its settings object, whether one trial fits a Spark task, and how to
 * run or resume one trial into a run directory. A new job (classifier train, discover) becomes
 * sweepable by one adapter added to {@link SweepableJobs}.
 *
 * @param <S> the job's settings class (what its run.json records and hashes)
 */
public interface SweepableJob<S> {
    /** Reads configuration trees as run.json records them: snake_case, strict, a single value for a list. */
    ObjectMapper CONFIG = StrictYaml.mapper().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    /** The name in a sweep spec and in run.json's {@code job}. */
    String name();

    /** The job's default settings, which a trial's configuration overlays. */
    S defaults();

    /** Every check that needs no work done (BadInputException naming the problem). */
    void validate(S settings);

    /**
     * Whether one trial runs whole inside a Spark task (no session there: the job must then write
     * its tables without one). Otherwise the trial is itself a Spark job, run from the driver.
     */
    boolean fitsOneTask(S settings);

    /** Runs a new trial into {@code out}; {@code spark} is null inside a task. Returns its summary. */
    ObjectNode run(SparkSession spark, S settings, Path out, PrintStream console);

    /** Continues the interrupted trial in {@code out} from its checkpoint. */
    ObjectNode resume(SparkSession spark, S settings, Path out, PrintStream console);

    /**
     * What identifies a trial's result: the hash its output records (run.json's config_hash), whose
     * start is the trial id. A job whose output is identified otherwise (generate: the dataset's
     * resolved spec) overrides it, so two configurations with the same output are one trial.
     */
    default String configHash(S settings) {
        return RunManifest.configHash(settings);
    }

    /**
     * Where the trial of {@code out} stands: committed (a finished run of this configuration: skipped),
     * interrupted (resumed) or new. The default reads the run directory layout (run.json and its
     * config_hash, the staging directory); a job with another output layout overrides it.
     */
    default SweepRunner.State state(Path out, String configHash) {
        return SweepRunner.runDirectoryState(out, configHash);
    }

    /** The defaults overlaid with {@code config}; an unknown field or a wrong type names the field. */
    default S resolve(JsonNode config) {
        try {
            return CONFIG.readerForUpdating(defaults()).readValue(config);
        } catch (JsonMappingException e) {
            throw new BadInputException(StrictYaml.describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(String.valueOf(e.getMessage()).split("\n")[0], e);
        }
    }

    /** The dotted names a sweep may vary: every field of the defaults, nested ones included. */
    default Set<String> parameterNames() {
        Set<String> names = new TreeSet<>();
        collect("", CONFIG.valueToTree(defaults()), names);
        return names;
    }

    /**
     * The names a sweep with this {@code base} may vary. The default ignores the base; a job whose
     * settings hold open-ended maps (generate's labels) lists what the resolved base makes explicit.
     */
    default Set<String> parameterNames(JsonNode base) {
        return parameterNames();
    }

    /** Every dotted field name of a configuration tree (for {@link #parameterNames(JsonNode)}). */
    static Set<String> fieldNames(JsonNode tree) {
        Set<String> names = new TreeSet<>();
        collect("", tree, names);
        return names;
    }

    private static void collect(String prefix, JsonNode node, Set<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            names.add(name);
            if (f.getValue() instanceof ObjectNode) {
                collect(name, f.getValue(), names);
            }
        }
    }
}
