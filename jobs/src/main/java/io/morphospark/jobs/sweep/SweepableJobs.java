package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.jobs.classifier.ClassifierSettings;
import io.morphospark.jobs.classifier.ClassifierTrainJob;
import io.morphospark.jobs.es.EsJob;
import io.morphospark.jobs.es.EsSettings;
import io.morphospark.jobs.nca.NcaSettings;
import io.morphospark.jobs.nca.NcaTrainJob;
import io.morphospark.jobs.nca.advection.AdvectionSettings;
import io.morphospark.jobs.nca.advection.AdvectionTrainJob;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one table of sweepable jobs: a later job plugs in with one adapter here. */
public final class SweepableJobs {
    private static final Map<String, SweepableJob<?>> JOBS = new LinkedHashMap<>();

    static {
        register(new Es());
        register(new NcaTrain());
        register(new NcaTrainAdvection());
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
     * {@code es}: every generation is a Spark stage fanned out from the driver, so a trial is a
     * Spark job (run one after another, or {@code --max-parallel} at once in scheduler pools).
     */
    static final class Es implements SweepableJob<EsSettings> {
        @Override public String name() { return "es"; }
        @Override public EsSettings defaults() { return EsSettings.preset("lateral-inhibition"); }
        @Override public void validate(EsSettings s) {
            s.validateRun();
            s.buildOptimizer(s.buildProblem());
        }
        @Override public boolean fitsOneTask(EsSettings s) { return false; }
        @Override public ObjectNode run(SparkSession spark, EsSettings s, Path out, PrintStream console) {
            return new EsJob(spark, s, console).run(out);
        }
        @Override public ObjectNode resume(SparkSession spark, EsSettings s, Path out, PrintStream console) {
            return new EsJob(spark, s, console).resume(out);
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
