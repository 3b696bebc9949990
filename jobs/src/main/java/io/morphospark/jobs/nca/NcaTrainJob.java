package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.NcaTrainer;
import io.morphospark.models.nca.Target;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nca train}: trains on the driver (the CA is small; ND4J uses the machine's cores or GPU),
 * then writes the run directory: run.json, model/ (JSON + SameDiff), loss table and plot, the
 * growth-from-seed validation (table, plot, and model-best/ as scored there), and a growth from the
 * seed as film strip and trajectory table. While it trains, the in-progress directory holds an
 * atomic checkpoint (every {@code checkpointEvery} epochs and after the last) and the current
 * model-best/, so {@link #resume} continues a killed run to the same result.
 */
public final class NcaTrainJob {
    static final String MODEL_DIR = "model";
    static final String BEST_MODEL_DIR = "model-best";
    static final String TARGET_PNG = "target.png";
    public static final String JOB = "nca-train";
    /** What the run writes after training (model-best/ is rewritten from the checkpoint on resume). */
    static final List<String> PRODUCTS = List.of(NcaTables.LOSS, NcaTables.VALIDATION, NcaTables.TRAJECTORIES, "plots",
            MODEL_DIR, BEST_MODEL_DIR, "summary.json");

    private final SparkSession spark;
    private final NcaSettings settings;
    private final PrintStream console;
    /** Fault injection for tests: fail right after this many epochs (and their checkpoint); -1 never. */
    int interruptAfter = -1;

    public NcaTrainJob(SparkSession spark, NcaSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        Target target = settings.loadTarget();
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), JOB, settings);
        return execute(dir, target, null);
    }

    /**
     * Continues an interrupted run of {@code out} from its last checkpoint (from the start if none
     * was written); the settings must be the ones it was started with. The result is bit-identical
     * to an uninterrupted run's.
     */
    public ObjectNode resume(Path out) {
        settings.validate();
        Target target = settings.loadTarget();
        RunDirectory dir = TrainingRun.reopen(out, JOB, settings);
        NcaTrainCheckpoint state = RunResumption.checkpointOr(dir, NcaTrainCheckpoint.class, () -> null);
        // what was written after the checkpoint is written again from it
        TrainingRun.clear(dir, PRODUCTS);
        console.printf("nca train: resuming %s after epoch %d of %d%n", dir.target(),
                state == null ? 0 : state.epochsDone(), settings.epochs);
        return execute(dir, target, state);
    }

    /** {@code state} null: a new run. */
    private ObjectNode execute(RunDirectory dir, Target target, NcaTrainCheckpoint state) {
        long start = System.nanoTime();
        NcaConfig config = settings.config();
        NcaTrainer trainer = state == null
                ? new NcaTrainer(NcaParameters.initial(config, settings.seed), target, settings.recipe(), settings.engine(),
                        settings.seed)
                : NcaTrainer.resume(state.trainer(), config, target, settings.recipe(), settings.engine(), settings.seed);
        console.printf("nca train: %dx%d grid, %d parameters, %d epochs, pool %d, batch %d, steps %d..%d%s -> %s%n",
                target.height(), target.width(), config.parameterCount(), settings.epochs, settings.pool,
                settings.batch, settings.minSteps, settings.maxSteps, settings.regeneration ? ", regeneration" : "",
                dir.target());
        ArrayList<NcaTrainer.EpochResult> history = state == null ? new ArrayList<>() : new ArrayList<>(state.history());
        int every = Math.max(1, settings.epochs / 20);
        GrowthValidation validation = new GrowthValidation(target, settings.engine(), settings.fireRate, settings.seed,
                settings.validationSteps, settings.validateEvery, settings.validationGrowths);
        ObjectNode extra = new ObjectMapper().valueToTree(settings);
        if (state != null) {
            validation.restore(state.validation(), config);
            if (validation.ran()) {
                writeBest(dir, validation, target, extra);
            }
        }
        for (int e = history.size(); e < settings.epochs; e++) {
            NcaTrainer.EpochResult r = trainer.epoch(e);
            history.add(r);
            if (e % every == 0 || e == settings.epochs - 1) {
                console.printf("epoch %4d: loss %.6f (%d steps, |g| %.3g, %.0f ms)%n", e, r.loss(), r.steps(),
                        r.gradientNorm(), r.millis());
            }
            if (validation.due(e, settings.epochs)) {
                console.println(validation.check(e, trainer.parameters()));
                if (validation.bestEpoch() == e) {
                    writeBest(dir, validation, target, extra);
                }
            }
            if ((e + 1) % settings.checkpointEvery == 0 || e == settings.epochs - 1) {
                Checkpoint.write(dir.staging(), new NcaTrainCheckpoint(e + 1, trainer.state(), history, validation.record()));
            }
            if (e + 1 == interruptAfter) {
                throw new IllegalStateException("interrupted after epoch " + e + " (fault injection)");
            }
        }
        List<Row> lossRows = new ArrayList<>();
        double[] epochs = new double[settings.epochs];
        double[] losses = new double[settings.epochs];
        for (NcaTrainer.EpochResult r : history) {
            lossRows.add(RowFactory.create(r.epoch(), r.loss(), r.steps(), r.millis()));
            epochs[r.epoch()] = r.epoch();
            losses[r.epoch()] = r.loss();
        }
        ParquetTables.write(spark, NcaTables.loss(), lossRows, dir.resolve(NcaTables.LOSS));
        Plots.lines(dir.resolve("plots/loss.png"), "Training loss", "epoch", "MSE (RGBA)", epochs,
                Plots.series("loss", losses), Plots.YScale.LOSS);

        NcaModelOutputs.writeModel(dir.resolve(MODEL_DIR), trainer.parameters(), target, extra);
        if (validation.ran()) {
            writeValidation(dir, validation);
        }
        NcaFrames frames = NcaModelOutputs.writeGrowth(spark, dir.staging(), trainer.parameters(), target,
                settings.engine(), settings.seed, settings.growSteps, settings.trajectoryStride);

        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("epochs", settings.epochs);
        summary.put("final_loss", losses[losses.length - 1]);
        summary.put("mean_loss_last_10pct", mean(losses, Math.max(1, losses.length / 10)));
        summary.put("grow_steps", settings.growSteps);
        summary.put("grown_mse", frames.rows.isEmpty() ? Double.NaN : frames.rows.get(frames.rows.size() - 1).getDouble(4));
        if (validation.ran()) {
            summary.put("validation_steps", settings.validationSteps);
            summary.put("best_validation_mse", validation.bestMse());
            summary.put("best_validation_epoch", validation.bestEpoch());
        }
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        NcaJson.write(dir.resolve("summary.json"), summary);
        TrainingRun.commit(dir);
        console.printf("nca train: done in %.1f s; final loss %.6f; grown MSE at step %d (every cell firing) %.6f; run in %s%n",
                summary.get("wall_time_s").asDouble(), summary.get("final_loss").asDouble(), settings.growSteps,
                summary.get("grown_mse").asDouble(), dir.target());
        if (validation.ran()) {
            console.printf("nca train: best growth from the seed at epoch %d, MSE %.4f at step %d at fire rate %s: %s/%n",
                    validation.bestEpoch(), validation.bestMse(), settings.validationSteps, settings.fireRate,
                    BEST_MODEL_DIR);
        }
        return summary;
    }

    private void writeValidation(RunDirectory dir, GrowthValidation validation) {
        ParquetTables.write(spark, NcaTables.validation(), validation.rows(), dir.resolve(NcaTables.VALIDATION));
        Plots.lines(dir.resolve("plots/validation.png"), "Grown from the seed, step " + settings.validationSteps,
                "epoch", "MSE (RGBA)", validation.epochs(), validation.curves(), Plots.YScale.LOSS);
    }

    /** model-best/ is kept current during training, replaced at once whenever the validation improves. */
    private static void writeBest(RunDirectory dir, GrowthValidation validation, Target target, ObjectNode extra) {
        ObjectNode bestExtra = extra.deepCopy();
        bestExtra.put("best_epoch", validation.bestEpoch());
        TrainingRun.replaceDirectory(dir.resolve(BEST_MODEL_DIR),
                d -> NcaModelOutputs.writeModel(d, validation.best(), target, bestExtra));
    }

    private static double mean(double[] v, int last) {
        double s = 0;
        for (int i = v.length - last; i < v.length; i++) {
            s += v[i];
        }
        return s / last;
    }
}
