package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.NcaTables;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.nca.Damage;
import io.morphospark.models.nca.Growth;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaModelFile;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.RgbaLoss;
import io.morphospark.models.nca.Seeds;
import io.morphospark.models.nca.Target;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code nca grow} and {@code nca regenerate}: run a trained model from the seed, optionally damage it and let it regrow. */
public final class NcaPlaybackJob {
    /** What a playback run does (recorded in its run.json). */
    public static final class Settings {
        public String model;
        public int growSteps = 100;
        /** Regenerate only: steps after the damage, and the damaged square [from, to)². */
        public int regrowSteps = 100;
        public int damageFrom = 20;
        public int damageTo = 44;
        public double fireRate = 1.0;
        public long seed = 0;
        public int stride = 20;
        /** See NcaEngine.Kind. */
        public String engine = "auto";
    }

    private final SparkSession spark;
    private final Settings settings;
    private final PrintStream console;

    public NcaPlaybackJob(SparkSession spark, Settings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    /** The directory holding nca.json: the model directory itself or a training run's model/. */
    public static Path modelDirectory(Path given) {
        for (Path p : new Path[] {given, given.resolve(NcaTrainJob.MODEL_DIR)}) {
            if (Files.isRegularFile(p.resolve(NcaModelFile.JSON))) {
                return p;
            }
        }
        throw new BadInputException(given + " holds no NCA model (no " + NcaModelFile.JSON + " in it or in its "
                + NcaTrainJob.MODEL_DIR + "/)");
    }

    /** Checks before any work: rates, steps, the model and its target. */
    public static void validate(Settings s, boolean regenerate) {
        if (!(s.fireRate > 0 && s.fireRate <= 1)) {
            throw new BadInputException("fire rate must be in (0, 1], got " + s.fireRate);
        }
        try {
            NcaEngine.Kind.parse(s.engine);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (s.growSteps < 0 || s.regrowSteps < 0 || s.stride < 1) {
            throw new BadInputException("steps must be >= 0 and the stride >= 1");
        }
        Path dir = modelDirectory(Path.of(s.model));
        Target t = target(dir);
        if (regenerate && (s.damageFrom < 0 || s.damageTo > Math.min(t.height(), t.width()) || s.damageFrom >= s.damageTo)) {
            throw new BadInputException("damage square [" + s.damageFrom + ":" + s.damageTo + "] does not fit the "
                    + t.height() + "x" + t.width() + " grid");
        }
    }

    private static Target target(Path modelDir) {
        try {
            return Target.image(modelDir.resolve(NcaTrainJob.TARGET_PNG));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static NcaParameters parameters(Path modelDir) {
        try {
            return NcaModelFile.read(modelDir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    public ObjectNode grow(Path out) {
        return run(out, false);
    }

    public ObjectNode regenerate(Path out) {
        return run(out, true);
    }

    private ObjectNode run(Path out, boolean regenerate) {
        validate(settings, regenerate);
        Path modelDir = modelDirectory(Path.of(settings.model));
        NcaParameters p = parameters(modelDir);
        Target target = target(modelDir);
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), regenerate ? "nca-regenerate" : "nca-grow", settings);

        RgbaLoss loss = new RgbaLoss(target);
        NcaFrames frames = new NcaFrames(loss, settings.stride);
        Growth growth = new Growth(p, NcaEngine.Kind.parse(settings.engine), settings.fireRate, settings.seed);
        INDArray state = Seeds.seed(p.config(), 1, target.height(), target.width(), DataType.FLOAT);
        state = growth.run(state, 0, 0, settings.growSteps, settings.stride, (step, s) -> frames.add("grow", step, s));
        Map<String, Double> mse = new LinkedHashMap<>();
        mse.put("mse_grown", loss.perSample(state)[0]);
        if (regenerate) {
            state = state.dup();
            Damage.square(state.get(NDArrayIndex.point(0)), settings.damageFrom, settings.damageTo);
            mse.put("mse_damaged", frames.add("damaged", settings.growSteps, state));
            state = growth.run(state, 0, settings.growSteps, settings.regrowSteps, settings.stride,
                    (step, s) -> frames.add("regrow", step, s));
            mse.put("mse_regrown", loss.perSample(state)[0]);
            mse.put("regrown_over_grown", mse.get("mse_regrown") / mse.get("mse_grown"));
        }
        ParquetTables.write(spark, NcaTables.trajectories(), frames.rows, dir.resolve(NcaTables.TRAJECTORIES));
        FilmStrip.write(dir.resolve(regenerate ? "plots/regeneration.png" : "plots/growth.png"), frames.film);

        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("model", modelDir.toString());
        summary.put("grow_steps", settings.growSteps);
        if (regenerate) {
            summary.put("damage", "[" + settings.damageFrom + ":" + settings.damageTo + ", " + settings.damageFrom + ":"
                    + settings.damageTo + "]");
            summary.put("regrow_steps", settings.regrowSteps);
        }
        mse.forEach(summary::put);
        NcaJson.write(dir.resolve(regenerate ? "regeneration.json" : "summary.json"), summary);
        dir.commit();
        mse.forEach((k, v) -> console.printf("%s %.6f%n", k, v));
        console.printf("nca %s: run in %s%n", regenerate ? "regenerate" : "grow", dir.target());
        return summary;
    }
}
