package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.catalog.RunCatalog;
import io.morphospark.datasets.run.DirectoryLock;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.trials.TrialPlan;
import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.spark.TaskCores;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the trials of a {@link TrialSweepSpec} as one Spark application, safely re-runnable:
 * <ul>
 * <li>every check (spec, parameters, each trial's settings, the root) happens in {@link #plan},
 *     before anything is written;</li>
 * <li>a trial's id is the start of the SHA-256 of its resolved settings (what its run.json records
 *     as config_hash) and its run directory is {@code ROOT/trials/ID}, written by the job through
 *     RunDirectory: staged, locked, committed in one rename. So a re-run skips a committed trial,
 *     resumes an interrupted one from its checkpoint, and can never run one twice;</li>
 * <li>{@code ROOT/sweep.json} records the specs that filled the root; another spec is refused
 *     unless extending is asked for;</li>
 * <li>trials that fit a task run as parallel Spark tasks, one per partition; trials that are Spark
 *     jobs run from driver threads, {@code maxParallel} at once, each in its own scheduler pool;</li>
 * <li>a failed trial is recorded ({@code ROOT/failures/ID.json}) and the others go on; the
 *     catalogue ({@code ROOT/catalog}) is rewritten at the end.</li>
 * </ul>
 */
public final class SweepRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum State { NEW, INTERRUPTED, COMMITTED }

    public record PlannedTrial(TrialPlan.Trial trial, String id, String hash, Path dir, State state, boolean task,
                               String config) {
    }

    /** A trial's end, as reported back to the driver. */
    public record Outcome(String id, String status, String error, double seconds) implements Serializable {
    }

    /** {@code trialSeconds}: wall time of the trials alone (without the catalogue). */
    public record Result(int done, int skipped, List<Outcome> failed, double trialSeconds) {
    }

    private final TrialSweepSpec spec;
    private final SweepableJob<Object> job;
    private final Path root;
    private final List<PlannedTrial> trials;
    /** sweep.json as it must be after this run; null: unchanged. */
    private final ObjectNode record;

    private SweepRunner(TrialSweepSpec spec, SweepableJob<Object> job, Path root, List<PlannedTrial> trials, ObjectNode record) {
        this.spec = spec;
        this.job = job;
        this.root = root;
        this.trials = trials;
        this.record = record;
    }

    /** Checks everything and expands the trials; writes nothing. */
    @SuppressWarnings("unchecked")
    public static SweepRunner plan(TrialSweepSpec spec, Path rootGiven, boolean extend) {
        SweepableJob<Object> job = (SweepableJob<Object>) SweepableJobs.named(spec.job);
        Set<String> known;
        try {
            known = job.parameterNames(spec.base);
        } catch (BadInputException e) {
            throw new BadInputException("base: " + e.getMessage(), e);
        }
        List<String> varied = new ArrayList<>(spec.parameters.keySet());
        if (spec.repeats != null) {
            varied.add(spec.repeats.field);
        }
        for (String p : varied) {
            if (!known.contains(p)) {
                String field = spec.repeats != null && p.equals(spec.repeats.field) ? "repeats.field" : "parameters." + p;
                throw new BadInputException(field + ": '" + p + "' is not a parameter of job " + job.name()
                        + "; its parameters: " + String.join(", ", known));
            }
        }
        try {
            job.resolve(spec.base);
        } catch (BadInputException e) {
            throw new BadInputException("base: " + e.getMessage(), e);
        }
        if (rootGiven == null) {
            throw new BadInputException("out: give the output root (out: in the spec, or --out)");
        }
        Path root = rootGiven.toAbsolutePath().normalize();

        List<PlannedTrial> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TrialPlan.Trial t : TrialPlan.of(spec)) {
            String where = "trial " + t.index() + " (" + t.describe() + "): ";
            Object settings;
            try {
                settings = job.resolve(t.config());
                job.validate(settings);
            } catch (BadInputException e) {
                throw new BadInputException(where + e.getMessage(), e);
            }
            String hash = job.configHash(settings);
            String id = RunCatalog.trialId(hash);
            Integer before = seen.putIfAbsent(id, t.index());
            if (before != null) {
                throw new BadInputException("parameters: trials " + before + " and " + t.index() + " resolve to the same "
                        + "configuration (trial " + id + "); remove the duplicate values");
            }
            Path dir = root.resolve(RunCatalog.TRIALS).resolve(id);
            planned.add(new PlannedTrial(t, id, hash, dir, job.state(dir, hash), job.fitsOneTask(settings),
                    t.config().toString()));
        }
        return new SweepRunner(spec, job, root, planned, sweepRecord(spec, root, planned, extend));
    }

    /** What ROOT/sweep.json must hold after this run (null: as it is); refuses another spec without extend. */
    private static ObjectNode sweepRecord(TrialSweepSpec spec, Path root, List<PlannedTrial> trials, boolean extend) {
        Path file = root.resolve(RunCatalog.SWEEP_FILE);
        String hash = spec.hash();
        ObjectNode rec;
        if (Files.exists(file)) {
            try {
                rec = (ObjectNode) JSON.readTree(file.toFile());
            } catch (IOException | ClassCastException e) {
                throw new BadInputException(file + " cannot be read (damaged?): " + String.valueOf(e.getMessage()).split("\n")[0], e);
            }
            for (JsonNode s : rec.path("specs")) {
                if (s.path("hash").asText().equals(hash)) {
                    return null; // the same spec again: nothing to record
                }
            }
            if (!extend) {
                throw new BadInputException("spec: " + root + " holds the trials of another sweep spec ('"
                        + rec.path("name").asText() + "'; this spec differs from it); give --extend to add this spec's "
                        + "trials to the same root, or choose another out");
            }
        } else {
            if (Files.exists(root) && !isEmptyDirectory(root)) {
                throw new BadInputException("out: " + root + " exists and is not a sweep root (it has no "
                        + RunCatalog.SWEEP_FILE + "); choose a new or empty directory");
            }
            rec = JSON.createObjectNode();
            rec.put("name", spec.name);
            rec.putArray("specs");
            rec.putArray("trials");
        }
        ObjectNode entry = ((ArrayNode) rec.get("specs")).addObject();
        entry.put("hash", hash);
        entry.put("added", Instant.now().toString());
        entry.set("spec", spec.toTree());
        Set<String> ids = new LinkedHashSet<>();
        rec.path("trials").forEach(n -> ids.add(n.asText()));
        trials.forEach(t -> ids.add(t.id()));
        ArrayNode list = rec.putArray("trials");
        ids.forEach(list::add);
        return rec;
    }

    /** The state of a trial written through RunDirectory (see {@link SweepableJob#state}). */
    public static State runDirectoryState(Path dir, String hash) {
        Path manifest;
        try {
            manifest = RunDirectory.manifestDirectory(dir);
        } catch (BadInputException e) {
            return State.NEW;
        }
        if (!manifest.equals(dir)) {
            return State.INTERRUPTED;
        }
        String recorded = RunManifest.read(dir).path("config_hash").asText();
        if (!recorded.equals(hash)) {
            throw new BadInputException(dir + " holds a run of another configuration (config_hash " + recorded
                    + "); it is not this sweep's trial: move it away");
        }
        return State.COMMITTED;
    }

    public List<PlannedTrial> trials() {
        return trials;
    }

    public Path root() {
        return root;
    }

    /** {@code sweep --dry-run}: one line per trial, and what a run would do with it. */
    public void printPlan(PrintStream out) {
        out.printf("sweep %s: job %s, %d trials -> %s%s%n", spec.name, job.name(), trials.size(), root,
                record != null && Files.exists(root.resolve(RunCatalog.SWEEP_FILE)) ? " (extends the sweep there)" : "");
        for (PlannedTrial t : trials) {
            out.printf("  %3d  %s  %-11s  %-5s  %s%n", t.trial().index(), t.id(), t.state().name().toLowerCase(),
                    t.task() ? "task" : "job", t.trial().describe());
        }
    }

    /** Runs every trial not yet committed, then rewrites the catalogue. */
    public Result run(SparkSession spark, int maxParallel, PrintStream console) {
        if (maxParallel < 1) {
            throw new BadInputException("--max-parallel must be at least 1, got " + maxParallel);
        }
        DirectoryLock.acquire(root.resolveSibling("." + root.getFileName() + ".sweep.lock"), "sweep root " + root,
                "committed trials are kept; run the same sweep again to continue");
        try {
            Files.createDirectories(root.resolve(RunCatalog.TRIALS));
            if (record != null) {
                writeAtomically(root.resolve(RunCatalog.SWEEP_FILE), record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep root " + root, e);
        }
        List<PlannedTrial> tasks = new ArrayList<>();
        List<PlannedTrial> jobs = new ArrayList<>();
        int skipped = 0;
        int resumed = 0;
        for (PlannedTrial t : trials) {
            if (t.state() == State.COMMITTED) {
                skipped++;
            } else {
                resumed += t.state() == State.INTERRUPTED ? 1 : 0;
                (t.task() ? tasks : jobs).add(t);
            }
        }
        console.printf("sweep %s: %d trials of %s: %d committed (skipped), %d interrupted (resumed), %d new; "
                        + "%d as Spark tasks, %d as Spark jobs -> %s%n", spec.name, trials.size(), job.name(), skipped,
                resumed, tasks.size() + jobs.size() - resumed, tasks.size(), jobs.size(), root);
        Map<String, PlannedTrial> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        List<Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        if (!tasks.isEmpty()) {
            List<TrialTask> work = tasks.stream().map(t -> new TrialTask(job.name(), t.id(), t.hash(), t.config(),
                    t.dir().toString(), root.toString(), t.state() == State.INTERRUPTED)).toList();
            for (Outcome o : runAsTasks(spark, "sweep " + spec.name + ": " + work.size() + " trials, one per task", work)) {
                outcomes.add(o);
                report(console, byId.get(o.id()), o);
            }
        }
        if (!jobs.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxParallel, jobs.size()));
            try {
                List<Future<Outcome>> futures = new ArrayList<>();
                for (PlannedTrial t : jobs) {
                    String schedulerPool = "sweep-" + (futures.size() % maxParallel);
                    futures.add(pool.submit(() -> {
                        spark.sparkContext().setLocalProperty("spark.scheduler.pool", schedulerPool);
                        spark.sparkContext().setJobDescription("sweep " + spec.name + ": trial " + t.id());
                        Outcome o = execute(spark, job, job.resolve(t.trial().config()), t.id(), t.dir(), root,
                                t.state() == State.INTERRUPTED, console);
                        report(console, t, o);
                        return o;
                    }));
                }
                for (Future<Outcome> f : futures) {
                    outcomes.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the trials", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a trial thread failed outside its trial", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double trialSeconds = (System.nanoTime() - start) / 1e9;
        long listed = RunCatalog.index(spark, root);
        List<Outcome> failed = outcomes.stream().filter(o -> "failed".equals(o.status())).toList();
        int done = outcomes.size() - failed.size();
        console.printf("sweep %s: %d run, %d skipped, %d failed in %.1f s; catalogue of %d runs in %s%n", spec.name, done,
                skipped, failed.size(), (System.nanoTime() - start) / 1e9, listed, root.resolve(RunCatalog.DIRECTORY));
        return new Result(done, skipped, failed, trialSeconds);
    }

    /**
     * Runs task-sized trials as one Spark stage, one trial per partition (each is a whole training,
     * so Spark spreads them over the slots); a trial's failure comes back as its outcome. What both
     * {@code sweep} and {@code classifier train --trials} fan out with.
     */
    public static List<Outcome> runAsTasks(SparkSession spark, String description, List<TrialTask> work) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription(description);
        try {
            return jsc.parallelize(work, work.size()).map(TrialTask::call).collect();
        } finally {
            jsc.setJobDescription(null);
        }
    }

    /**
     * The baseline of {@code bench sweep}: the same task-sized trials, the same code path as inside a
     * task, one after another in this thread. Returns the wall time in seconds.
     */
    public double runOneAfterAnother(PrintStream console) {
        return runOneAfterAnother(null, console);
    }

    /**
     * As {@link #runOneAfterAnother(PrintStream)}; with a session, each trial runs as the job does on its
     * own (ES: a Spark stage per generation over every slot), the other honest baseline for a small ES.
     */
    public double runOneAfterAnother(SparkSession spark, PrintStream console) {
        for (PlannedTrial t : trials) {
            if (!t.task()) {
                throw new BadInputException("trial " + t.id() + " is a Spark job, not a task-sized trial; bench sweep "
                        + "compares task-sized trials (nca-train, nca-train-advection, a small es)");
            }
        }
        try {
            Files.createDirectories(root.resolve(RunCatalog.TRIALS));
            if (record != null) {
                writeAtomically(root.resolve(RunCatalog.SWEEP_FILE), record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep root " + root, e);
        }
        long start = System.nanoTime();
        for (PlannedTrial t : trials) {
            if (t.state() != State.COMMITTED) {
                Outcome o = execute(spark, job, job.resolve(t.trial().config()), t.id(), t.dir(), root,
                        t.state() == State.INTERRUPTED, console);
                report(console, t, o);
                if ("failed".equals(o.status())) {
                    throw new IllegalStateException("trial " + o.id() + " failed: " + o.error());
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void report(PrintStream console, PlannedTrial t, Outcome o) {
        synchronized (console) {
            console.printf("sweep %s: trial %d/%d %s (%s): %s in %.1f s%s%n", spec.name, t.trial().index() + 1,
                    trials.size(), o.id(), t.trial().describe(), o.status(), o.seconds(),
                    o.error() == null ? "" : ": " + o.error());
        }
    }

    /**
     * A task-sized trial as shipped to an executor: plain strings, resolved there by the job's adapter.
     * {@code config} is the trial's configuration tree as JSON; the trial runs (or, when
     * {@code interrupted}, resumes) into {@code dir}, and a failure is recorded in {@code root}/failures/.
     */
    public record TrialTask(String job, String id, String hash, String config, String dir, String root, boolean interrupted)
            implements Serializable {
        Outcome call() throws IOException {
            @SuppressWarnings("unchecked")
            SweepableJob<Object> adapter = (SweepableJob<Object>) SweepableJobs.named(job);
            Object settings = adapter.resolve(JSON.readTree(config));
            if (!adapter.configHash(settings).equals(hash)) { // another code version on the executors
                return new Outcome(id, "failed", "the executor resolves this trial to another configuration", 0);
            }
            try {
                return TaskCores.call(() -> execute(null, adapter, settings, id, Path.of(dir), Path.of(root), interrupted,
                        System.out));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(id, "failed", "interrupted", 0);
            } catch (java.util.concurrent.ExecutionException e) {
                return new Outcome(id, "failed", String.valueOf(e.getCause()), 0); // execute() records its own failures
            }
        }
    }

    /** Runs or resumes one trial; a failure is recorded, never thrown, so the other trials go on. */
    static Outcome execute(SparkSession spark, SweepableJob<Object> job, Object settings, String id, Path dir, Path root,
                           boolean interrupted, PrintStream console) {
        long start = System.nanoTime();
        Path failure = root.resolve(RunCatalog.FAILURES).resolve(id + ".json");
        try (PrintStream trialConsole = TrialConsole.of(console, id)) {
            if (interrupted) {
                job.resume(spark, settings, dir, trialConsole);
            } else {
                job.run(spark, settings, dir, trialConsole);
            }
            Files.deleteIfExists(failure);
            return new Outcome(id, "done", null, (System.nanoTime() - start) / 1e9);
        } catch (Throwable e) {
            String message = e instanceof BadInputException ? e.getMessage() : e.toString();
            message = String.valueOf(message).split("\n")[0];
            try {
                ObjectNode rec = JSON.createObjectNode();
                rec.put("trial_id", id);
                rec.put("job", job.name());
                rec.put("config_hash", job.configHash(settings));
                rec.set("config", SweepableJob.CONFIG.valueToTree(settings));
                rec.put("error", message);
                rec.put("time", Instant.now().toString());
                Files.createDirectories(failure.getParent());
                writeAtomically(failure, rec);
            } catch (IOException io) {
                message += " (and its failure record could not be written: " + io.getMessage() + ")";
            }
            return new Outcome(id, "failed", message, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Writes beside and renames, so a kill leaves the old file or the new one, never half of one. */
    static void writeAtomically(Path file, JsonNode content) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isEmptyDirectory(Path p) {
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
