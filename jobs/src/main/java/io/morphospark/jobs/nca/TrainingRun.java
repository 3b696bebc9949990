package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.jobs.es.RunResumption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the resumable trainings ({@code nca train}, {@code nca train-advection}) share around the
 * run directory: reopening an interrupted run after checking it is the same job with the same
 * configuration, replacing a directory inside the run at once (model-best/ during training),
 * clearing what the steps after the last checkpoint wrote so they can run again, and dropping the
 * checkpoint once the run is committed (it holds the whole pool: far bigger than the results).
 */
public final class TrainingRun {
    /** Reads and compares configurations as run.json records them (snake_case). */
    private static final ObjectMapper CONFIG = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private TrainingRun() {
    }

    /**
     * The settings an interrupted (or finished) run of {@code job} was started with, from its run.json.
     */
    public static <T> T settingsOf(Path out, String job, Class<T> type) {
        Path manifest = RunDirectory.manifestDirectory(out);
        JsonNode root = RunResumption.manifest(out);
        requireJob(root, out, job);
        try {
            return CONFIG.treeToValue(root.path("config"), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("run.json in " + manifest + " holds no readable " + job + " configuration: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * Checks, reading only, that {@code out} is an interrupted run of {@code job} whose recorded
     * configuration equals {@code settings}; the error names every field that differs.
     */
    public static void checkResumable(Path out, String job, Object settings) {
        Path abs = out.toAbsolutePath().normalize();
        Path manifest = RunDirectory.manifestDirectory(abs);
        if (manifest.equals(abs)) {
            throw new BadInputException("run " + abs + " has already finished; nothing to resume");
        }
        JsonNode root = RunResumption.manifest(abs);
        requireJob(root, abs, job);
        if (RunResumption.records(root, settings)) {
            return;
        }
        List<String> differences = differences(root.path("config"), settings);
        RunResumption.refuseDifferences(abs, differences.isEmpty() ? List.of("its hash (run.json was edited?)") : differences, "");
    }

    /** Reopens the interrupted run of {@code out} for writing, after {@link #checkResumable}. */
    public static RunDirectory reopen(Path out, String job, Object settings) {
        checkResumable(out, job, settings);
        return RunResumption.reopen(out, job, settings);
    }

    /** "field (run: a, given: b)" for every top-level field of the two configurations that differs. */
    private static List<String> differences(JsonNode recordedConfig, Object settings) {
        JsonNode given = CONFIG.valueToTree(settings);
        JsonNode recorded;
        try {
            // through the settings type, so both sides have the same number types (1 and 1L, 2e-3 and 0.002)
            recorded = CONFIG.valueToTree(CONFIG.treeToValue(recordedConfig, settings.getClass()));
        } catch (IOException | IllegalArgumentException e) {
            recorded = recordedConfig;
        }
        TreeSet<String> names = new TreeSet<>();
        given.fieldNames().forEachRemaining(names::add);
        recorded.fieldNames().forEachRemaining(names::add);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            JsonNode a = recorded.get(name);
            JsonNode b = given.get(name);
            if (a == null || !a.equals(b)) {
                out.add(name + " (run: " + (a == null ? "absent" : a) + ", given: " + (b == null ? "absent" : b) + ")");
            }
        }
        return out;
    }

    private static void requireJob(JsonNode root, Path out, String job) {
        String recorded = root.path("job").asText();
        if (!recorded.equals(job)) {
            throw new BadInputException(out.toAbsolutePath().normalize() + " is a run of "
                    + (recorded.isEmpty() ? "an unknown job" : recorded) + ", not of " + job);
        }
    }

    /**
     * Replaces {@code dir} by what {@code writer} writes into a fresh directory: written beside it,
     * then renamed into place, so a reader (or a kill) sees the old or the new directory, never a
     * half-written one. A kill between the two renames leaves the old one as {@code .NAME.old}.
     */
    public static void replaceDirectory(Path dir, Consumer<Path> writer) {
        Path fresh = dir.resolveSibling("." + dir.getFileName() + ".new");
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
        deleteRecursively(fresh);
        deleteRecursively(old);
        writer.accept(fresh);
        try {
            if (Files.exists(dir)) {
                move(dir, old);
            }
            move(fresh, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + fresh + " to " + dir, e);
        }
        deleteRecursively(old);
    }

    /** Deletes {@code names} (and their {@link #replaceDirectory} leftovers) in the run's staging directory. */
    public static void clear(RunDirectory dir, List<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            deleteRecursively(p);
            deleteRecursively(p.resolveSibling("." + p.getFileName() + ".new"));
            deleteRecursively(p.resolveSibling("." + p.getFileName() + ".old"));
        }
    }

    /**
     * Commits the run, then deletes its checkpoint: a kill in between leaves a finished run with a
     * spare checkpoint, never an interrupted run without one.
     */
    public static void commit(RunDirectory dir) {
        dir.commitDropping(dir.staging().relativize(dir.staging().resolve(Checkpoint.FILE).getParent()).toString());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
