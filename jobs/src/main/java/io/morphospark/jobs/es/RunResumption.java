package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The preamble every resumable job runs before it continues a run: read the run's run.json,
 * refuse (exit 2, one line) when the configuration given differs from the recorded one, naming
 * each differing field, reopen the interrupted run, and load its last checkpoint. What may differ
 * (ES and discover: more generations) and how fields are compared stay with each job.
 */
public final class RunResumption {
    private RunResumption() {
    }

    /** run.json of the run {@code out} names: of its staging directory while interrupted, else of the run. */
    public static JsonNode manifest(Path out) {
        return RunManifest.read(RunDirectory.manifestDirectory(out));
    }

    /** The configuration the run was started with. */
    public static JsonNode recordedConfig(Path out) {
        return manifest(out).path("config");
    }

    /**
     * Refuses to resume {@code out} when {@code differences} (one "field …" entry each) is not
     * empty; {@code note} ends the message, e.g. what may change.
     */
    public static void refuseDifferences(Path out, List<String> differences, String note) {
        if (!differences.isEmpty()) {
            throw new BadInputException("cannot resume " + RunDirectory.targetOf(out) + ": its configuration differs "
                    + "from the one given in " + String.join("; ", differences) + note);
        }
    }

    /**
     * Reopens the interrupted run {@code out} of {@code job} for writing, after its configuration
     * was checked: where the settings differ from run.json only as a resume may change them (more
     * generations), run.json is rewritten to record what the run now is.
     */
    public static RunDirectory reopen(Path out, String job, Object settings) {
        RunDirectory dir = RunDirectory.resume(out);
        if (!records(RunManifest.read(dir.staging()), settings)) {
            RunManifest.write(dir.staging(), job, settings);
        }
        return dir;
    }

    /** Whether {@code manifest} (a run.json) records exactly {@code settings}, by configuration hash. */
    public static boolean records(JsonNode manifest, Object settings) {
        return manifest.path("config_hash").asText().equals(RunManifest.configHash(settings));
    }

    /** The run's last checkpoint, or {@code fresh} when it was killed before writing one. */
    public static <T> T checkpointOr(RunDirectory dir, Class<T> type, Supplier<T> fresh) {
        return Checkpoint.exists(dir.staging()) ? Checkpoint.read(dir.staging(), type) : fresh.get();
    }
}
