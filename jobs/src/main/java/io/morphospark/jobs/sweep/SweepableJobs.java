package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.sweep.SweepPlan;
import io.morphospark.datasets.sweep.SweepSpec;
import io.morphospark.jobs.dataset.GenerateJob;
import io.morphospark.jobs.discover.DiscoverJob;
import io.morphospark.jobs.discover.DiscoverSettings;
import io.morphospark.jobs.classifier.ClassifierSettings;
import io.morphospark.jobs.classifier.ClassifierTrainJob;
import io.morphospark.jobs.es.EsJob;
import io.morphospark.jobs.es.EsSettings;
import io.morphospark.jobs.nca.NcaSettings;
import io.morphospark.jobs.nca.NcaTrainJob;
import io.morphospark.jobs.nca.advection.AdvectionSettings;
import io.morphospark.jobs.nca.advection.AdvectionTrainJob;
import io.morphospark.models.problem.Problem;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The one table of sweepable jobs: a later job plugs in with one adapter here. */
public final class SweepableJobs {
    private static final Map<String, SweepableJob<?>> JOBS = new LinkedHashMap<>();

    static {
        register(new Es());
        register(new NcaTrain());
        register(new NcaTrainAdvection());
        register(new Generate());
        register(new Discover());
        register(new ClassifierTrain());
    }

    private SweepableJobs() {
    }

    private static void register(SweepableJob<?> job) {
        JOBS.put(job.name(), job);
    }

    /** The job of a spec's {@code job:} (the command's words also work: {@code nca train}). */
    public static SweepableJob<?> named(String name) {
        SweepableJob<?> job = JOBS.get(String.valueOf(name).trim().replace(' ', '-'));
        if (job == null) {
            throw new BadInputException("job: unknown job '" + name + "'; sweepable jobs: " + String.join(", ", JOBS.keySet()));
        }
        return job;
    }

    public static java.util.Set<String> names() {
        return JOBS.keySet();
    }

    /**
     * {@code es}: a small run fits one task: its population is evaluated in-process on the task's one
     * thread (see EsJob), with results bit-identical to the same run as a Spark job. A larger run is a
     * Spark job, each generation a stage fanned out from the driver (run one after another, or
     * {@code --max-parallel} at once in scheduler pools).
     */
    static final class Es implements SweepableJob<EsSettings> {
        /**
         * The evaluation work, in cell-steps, up to which a trial runs as one task: about a minute of one
         * core at the lateral-inhibition kernel's 5·10⁷ cell-steps/s (docs/BENCHMARKS.md). Beyond it the
         * trial is better spread over the cluster by the fan-out.
         */
        static final long TASK_CELL_STEPS = 3_000_000_000L;

        @Override public String name() { return "es"; }
        @Override public EsSettings defaults() { return EsSettings.preset("lateral-inhibition"); }
        @Override public void validate(EsSettings s) {
            s.validateRun();
            s.buildOptimizer(s.buildProblem());
        }
        /**
         * From the settings alone: population × replicates × cell-steps per replicate × generations, plus
         * the validation replicates. The growing-NCA problem never fits: its cell-steps are neural network
         * evaluations (ND4J, GPU executors), thousands of times a regulatory cell-step, for the fan-out.
         */
        @Override public boolean fitsOneTask(EsSettings s) {
            return !"growing-nca".equals(s.problem.name) && cellSteps(s) <= TASK_CELL_STEPS;
        }

        static long cellSteps(EsSettings s) {
            Problem p = s.buildProblem();
            double evaluation = (double) s.optimizer.population * p.replicates() * p.cellStepsPerReplicate() * s.generations
                    + (double) s.evaluation.validationReplicates * p.cellStepsPerReplicate();
            return (long) Math.min(Long.MAX_VALUE, evaluation);
        }
        @Override public ObjectNode run(SparkSession spark, EsSettings s, Path out, PrintStream console) {
            return new EsJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, EsSettings s, Path out, PrintStream console) {
            return new EsJob(spark, s, console).resume(out);
        }
    }

    /**
     * {@code generate}: a trial is a dataset directory (not a run directory): identified by the hash of
     * its resolved spec (what its manifest records as spec_hash), committed when the manifest is complete
     * and every shard's files match their checksums, interrupted while a manifest exists otherwise
     * (generate continues it, regenerating missing or damaged shards). It fans its shards out over Spark
     * itself, so a trial is a Spark job.
     */
    static final class Generate implements SweepableJob<SweepSpec> {
        @Override public String name() { return "generate"; }
        @Override public SweepSpec defaults() { return new SweepSpec(); }
        @Override public void validate(SweepSpec s) { SweepPlan.of(s); }
        @Override public boolean fitsOneTask(SweepSpec s) { return false; }
        @Override public String configHash(SweepSpec s) { return GenerateJob.specHash(SweepPlan.of(s)); }
        @Override public ObjectNode run(SparkSession spark, SweepSpec s, Path out, PrintStream console) {
            return new GenerateJob(spark, SweepPlan.of(s), console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, SweepSpec s, Path out, PrintStream console) {
            return run(spark, s, out, console); // generate continues a dataset of the same spec
        }
        @Override public SweepRunner.State state(Path out, String specHash) {
            return datasetState(out, specHash);
        }
        /**
         * The base's labels are an open map: what may vary is every field of the base once resolved (each
         * label's parameters with the family's defaults made explicit, e.g.
         * {@code labels.spotted.params.feed.uniform}), besides the spec's own fields.
         */
        @Override public Set<String> parameterNames(JsonNode base) {
            Set<String> names = new TreeSet<>(parameterNames());
            names.add("frames_per_sample");
            names.addAll(SweepableJob.fieldNames(CONFIG.valueToTree(SweepPlan.of(resolve(base)).resolvedSpec())));
            return names;
        }
    }

    static SweepRunner.State datasetState(Path out, String specHash) {
        if (!Files.exists(out.resolve(DatasetDirectory.MANIFEST))) {
            try (var entries = Files.exists(out) ? Files.list(out) : java.util.stream.Stream.<Path>empty()) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals(DatasetDirectory.LOCK_FILE))) {
                    throw new BadInputException(out + " holds files but no dataset manifest; it is not this sweep's "
                            + "trial: move it away");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return SweepRunner.State.NEW; // at most the lock of a generate killed before its manifest
        }
        DatasetDirectory dataset = DatasetDirectory.open(out);
        String recorded = dataset.manifest().path("spec_hash").asText();
        if (!recorded.equals(specHash)) {
            throw new BadInputException(out + " holds a dataset of another spec (spec_hash " + recorded
                    + "); it is not this sweep's trial: move it away");
        }
        return dataset.manifest().path("complete").asBoolean() && dataset.verify().isEmpty()
                ? SweepRunner.State.COMMITTED : SweepRunner.State.INTERRUPTED;
    }

    /**
     * {@code discover}: every generation is a Spark stage over (candidate × scenario × replicate block),
     * and the run reads its tables back with Spark SQL (rule marginals, the film strips' choice), so a
     * trial is a Spark job.
     */
    static final class Discover implements SweepableJob<DiscoverSettings> {
        @Override public String name() { return "discover"; }
        @Override public DiscoverSettings defaults() { return new DiscoverSettings(); }
        @Override public void validate(DiscoverSettings s) { s.validate(); }
        @Override public boolean fitsOneTask(DiscoverSettings s) { return false; }
        @Override public ObjectNode run(SparkSession spark, DiscoverSettings s, Path out, PrintStream console) {
            return new DiscoverJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, DiscoverSettings s, Path out, PrintStream console) {
            return new DiscoverJob(spark, s, console).resume(out);
        }
    }

    /** {@code nca train}: trains in one JVM (ND4J cannot split it), so a trial is one Spark task. */
    static final class NcaTrain implements SweepableJob<NcaSettings> {
        @Override public String name() { return NcaTrainJob.JOB; }
        @Override public NcaSettings defaults() { return new NcaSettings(); }
        @Override public void validate(NcaSettings s) { s.validate(); }
        @Override public boolean fitsOneTask(NcaSettings s) { return true; }
        @Override public ObjectNode run(SparkSession spark, NcaSettings s, Path out, PrintStream console) {
            return new NcaTrainJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, NcaSettings s, Path out, PrintStream console) {
            return new NcaTrainJob(spark, s, console).resume(out);
        }
    }

    /** {@code nca train-advection}: as nca train, one Spark task per trial. */
    static final class NcaTrainAdvection implements SweepableJob<AdvectionSettings> {
        @Override public String name() { return AdvectionTrainJob.JOB; }
        @Override public AdvectionSettings defaults() { return new AdvectionSettings(); }
        @Override public void validate(AdvectionSettings s) { s.validate(); }
        @Override public boolean fitsOneTask(AdvectionSettings s) { return true; }
        @Override public ObjectNode run(SparkSession spark, AdvectionSettings s, Path out, PrintStream console) {
            return new AdvectionTrainJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, AdvectionSettings s, Path out, PrintStream console) {
            return new AdvectionTrainJob(spark, s, console).resume(out);
        }
    }

    /**
     * {@code classifier train}: DL4J trains in one JVM (it has no Spark 4 training), so a trial is one
     * Spark task, which reads the dataset files itself. A trial is one training: vary {@code seed},
     * {@code model} or {@code learning_rate} in the sweep rather than asking each trial for --trials.
     */
    static final class ClassifierTrain implements SweepableJob<ClassifierSettings> {
        @Override public String name() { return ClassifierTrainJob.JOB; }
        @Override public ClassifierSettings defaults() { return new ClassifierSettings(); }
        @Override public void validate(ClassifierSettings s) {
            if (s.dataset == null) {
                throw new BadInputException("dataset: give the dataset directory (written by 'generate')");
            }
            if (s.trials != 1) {
                throw new BadInputException("trials: a sweep trial is one training (trials: 1, got " + s.trials
                        + "); vary seed in the sweep instead");
            }
            s.validate();
            DatasetDirectory.open(java.nio.file.Path.of(s.dataset));
        }
        @Override public boolean fitsOneTask(ClassifierSettings s) { return true; }
        @Override public ObjectNode run(SparkSession spark, ClassifierSettings s, Path out, PrintStream console) {
            return new ClassifierTrainJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, ClassifierSettings s, Path out, PrintStream console) {
            return new ClassifierTrainJob(spark, s, console).resume(out);
        }
    }
}
