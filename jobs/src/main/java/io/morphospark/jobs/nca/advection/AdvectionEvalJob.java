package io.morphospark.jobs.nca.advection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.AdvectionTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.nca.advection.AdvectionModelFile;
import io.morphospark.models.nca.advection.AdvectionNca;
import io.morphospark.models.nca.advection.Arena;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code nca eval-advection}: the transition table of a trained model beside the goal-gradient
 * baseline, on the model's arena or another grid and mass (the network is local, so it runs on
 * any grid), written as Parquet in a new run directory and printed.
 */
public final class AdvectionEvalJob {
    /** What an evaluation run does (recorded in its run.json). */
    public static final class Settings {
        public String model;
        /** 0 = the model's. */
        public int steps = 0;
        public int grid = 0;
        public double mass = 0;
        public long seed = 0;
        public int filmStride = 8;
    }

    private final SparkSession spark;
    private final Settings settings;
    private final PrintStream console;

    public AdvectionEvalJob(SparkSession spark, Settings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    /** The directory holding the model JSON: the one given or a training run's model/. */
    public static Path modelDirectory(Path given) {
        for (Path p : new Path[] {given, given.resolve(AdvectionTrainJob.MODEL_DIR)}) {
            if (Files.isRegularFile(p.resolve(AdvectionModelFile.JSON))) {
                return p;
            }
        }
        throw new BadInputException(given + " holds no advection NCA model (no " + AdvectionModelFile.JSON + " in it or in its "
                + AdvectionTrainJob.MODEL_DIR + "/)");
    }

    /** Checks before any work: the model, steps, and that every formation fits the arena. */
    public static AdvectionModelFile.Model validate(Settings s) {
        if (s.steps < 0 || s.grid < 0 || s.mass < 0) {
            throw new BadInputException("steps, grid and mass must be >= 0 (0: the model's)");
        }
        if (s.filmStride < 1) {
            throw new BadInputException("film stride must be at least 1, got " + s.filmStride);
        }
        AdvectionModelFile.Model m = AdvectionSettings.badInput(() -> AdvectionModelFile.read(modelDirectory(Path.of(s.model))));
        arena(s, m);
        return m;
    }

    private static Arena arena(Settings s, AdvectionModelFile.Model m) {
        Arena a = m.arena();
        int grid = s.grid == 0 ? a.height() : s.grid;
        double mass = s.mass == 0 ? a.mass() : s.mass;
        return AdvectionSettings.badInput(() -> new Arena(grid, grid, mass, a.density(), 0));
    }

    public ObjectNode run(Path out) {
        AdvectionModelFile.Model m = validate(settings);
        Arena arena = arena(settings, m);
        int steps = settings.steps == 0 ? m.steps() : settings.steps;
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), "nca-eval-advection", settings);
        AdvectionNca nca = new AdvectionNca(m.parameters(), m.transport(), m.fireRate(), DataType.FLOAT);
        Transitions t = new Transitions(nca, arena, steps, settings.seed, settings.filmStride);
        ParquetTables.write(spark, AdvectionTables.transitions(), TransitionRows.rows(t.all()),
                dir.resolve(AdvectionTables.TRANSITIONS));
        FilmStrip.write(dir.resolve("plots/transition.png"), t.film.frames);
        console.printf("nca eval-advection: %s on a %dx%d grid, mass %s, %d steps%n", modelDirectory(Path.of(settings.model)),
                arena.height(), arena.width(), arena.mass(), steps);
        int better = TransitionRows.print(console, t.trained, t.baseline);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("steps", steps);
        summary.put("grid", arena.height());
        summary.put("mass", arena.mass());
        summary.put("transitions_better_than_baseline", better);
        AdvectionTrainJob.write(dir.resolve("summary.json"), summary);
        dir.commit();
        console.printf("nca eval-advection: run in %s%n", dir.target());
        return summary;
    }
}
