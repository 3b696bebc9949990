package io.morphospark.jobs.nca.advection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.AdvectionTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.jobs.nca.TrainingRun;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.jobs.plots.Plots;
import io.morphospark.models.nca.advection.AdvectionModelFile;
import io.morphospark.models.nca.advection.AdvectionTrainer;
import io.morphospark.models.nca.advection.Arena;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nca train-advection}: trains the advection NCA on the driver (plain Java and ND4J GEMMs),
 * then writes the run directory: run.json, model/ (JSON), the loss table and plot, the transition
 * table (trained and baseline) and a film strip of a LINE → SQUARE transition. While it trains,
 * the in-progress directory holds an atomic checkpoint (every {@code checkpointEvery} iterations
 * and after the last), so {@link #resume} continues a killed run to the same result.
 */
public final class AdvectionTrainJob {
    public static final String MODEL_DIR = "model";
    public static final String JOB = "nca-train-advection";
    /** What the run writes after training. */
    static final List<String> PRODUCTS = List.of(AdvectionTables.LOSS, AdvectionTables.TRANSITIONS, "plots", MODEL_DIR,
            "summary.json");

    private final SparkSession spark;
    private final AdvectionSettings settings;
    private final PrintStream console;
    /** Fault injection for tests: fail right after this many iterations (and their checkpoint); -1 never. */
    int interruptAfter = -1;

    public AdvectionTrainJob(SparkSession spark, AdvectionSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), JOB, settings);
        return execute(dir, null);
    }

    /**
     * Continues an interrupted run of {@code out} from its last checkpoint (from the start if none
     * was written); the settings must be the ones it was started with. The result is bit-identical
     * to an uninterrupted run's.
     */
    public ObjectNode resume(Path out) {
        settings.validate();
        RunDirectory dir = TrainingRun.reopen(out, JOB, settings);
        AdvectionCheckpoint state = RunResumption.checkpointOr(dir, AdvectionCheckpoint.class, () -> null);
        TrainingRun.clear(dir, PRODUCTS); // what was written after the checkpoint is written again from it
        console.printf("nca train-advection: resuming %s after iteration %d of %d%n", dir.target(),
                state == null ? 0 : state.iterationsDone(), settings.iterations);
        return execute(dir, state);
    }

    /** {@code state} null: a new run. */
    private ObjectNode execute(RunDirectory dir, AdvectionCheckpoint state) {
        Arena arena = settings.arena();
        long start = System.nanoTime();
        AdvectionTrainer trainer = new AdvectionTrainer(arena, settings.recipe(), settings.transport(),
                settings.architecture(), settings.dataType(), settings.seed);
        if (state != null) {
            trainer.restore(state.trainer());
        }
        console.printf("nca train-advection: %dx%d grid, mass %s, %d parameters, %d iterations of %d x %d samples, %d steps, "
                        + "pool %d -> %s%n", arena.height(), arena.width(), arena.mass(),
                settings.architecture().parameterCount(), settings.iterations, settings.batch, settings.accumulation,
                settings.steps, settings.pool, dir.target());
        ArrayList<AdvectionTrainer.IterationResult> history = state == null ? new ArrayList<>()
                : new ArrayList<>(state.history());
        int every = Math.max(1, settings.iterations / 20);
        for (int i = history.size(); i < settings.iterations; i++) {
            AdvectionTrainer.IterationResult r = trainer.iterate(i);
            history.add(r);
            if (i % every == 0 || i == settings.iterations - 1) {
                console.printf("iteration %4d: loss %.6f (mass %.6f, velocity %.4f), |g| %.3g, lr %.2e, conservation %.9f, "
                        + "%.0f ms%n", i, r.loss(), r.massLoss(), r.velocityLoss(), r.gradientNorm(), r.learningRate(),
                        r.conservation(), r.millis());
            }
            if ((i + 1) % settings.checkpointEvery == 0 || i == settings.iterations - 1) {
                Checkpoint.write(dir.staging(), new AdvectionCheckpoint(i + 1, trainer.state(), history));
            }
            if (i + 1 == interruptAfter) {
                throw new IllegalStateException("interrupted after iteration " + i + " (fault injection)");
            }
        }
        List<Row> lossRows = new ArrayList<>();
        double[] iterations = new double[settings.iterations];
        double[] losses = new double[settings.iterations];
        double[] massLosses = new double[settings.iterations];
        double millis = 0;
        for (AdvectionTrainer.IterationResult r : history) {
            int i = r.iteration();
            lossRows.add(RowFactory.create(i, r.loss(), r.massLoss(), r.velocityLoss(), r.gradientNorm(), r.learningRate(),
                    r.conservation(), r.millis()));
            iterations[i] = i;
            losses[i] = r.loss();
            massLosses[i] = r.massLoss();
            millis += r.millis();
        }
        ParquetTables.write(spark, AdvectionTables.loss(), lossRows, dir.resolve(AdvectionTables.LOSS));
        Plots.lines(dir.resolve("plots/loss.png"), "Training loss", "iteration", "loss", iterations,
                Plots.series("loss", losses, "mass MSE", massLosses), Plots.YScale.LOSS);

        ObjectNode extra = new ObjectMapper().valueToTree(settings);
        AdvectionModelFile.write(dir.resolve(MODEL_DIR), new AdvectionModelFile.Model(trainer.nca().parameters(),
                settings.transport(), settings.fireRate, arena, settings.steps), extra);

        Transitions t = new Transitions(trainer.nca(), arena, settings.steps, settings.seed, settings.filmStride);
        ParquetTables.write(spark, AdvectionTables.transitions(), TransitionRows.rows(t.all()),
                dir.resolve(AdvectionTables.TRANSITIONS));
        FilmStrip.write(dir.resolve("plots/transition.png"), t.film.frames);
        int better = TransitionRows.print(console, t.trained, t.baseline);

        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("iterations", settings.iterations);
        summary.put("final_loss", losses[losses.length - 1]);
        summary.put("mean_loss_last_10pct", mean(losses, Math.max(1, losses.length / 10)));
        summary.put("ms_per_iteration", millis / settings.iterations);
        summary.put("transitions_better_than_baseline", better);
        summary.put("wall_time_s", (System.nanoTime() - start) / 1e9);
        write(dir.resolve("summary.json"), summary);
        TrainingRun.commit(dir);
        console.printf("nca train-advection: done in %.1f s (%.0f ms per iteration); final loss %.6f; run in %s%n",
                summary.get("wall_time_s").asDouble(), millis / settings.iterations, losses[losses.length - 1], dir.target());
        return summary;
    }

    static void write(Path file, ObjectNode node) {
        io.morphospark.jobs.plots.SummaryJson.write(file, node); // non-finite numbers become null
    }

    private static double mean(double[] v, int last) {
        double s = 0;
        for (int i = v.length - last; i < v.length; i++) {
            s += v[i];
        }
        return s / last;
    }
}
