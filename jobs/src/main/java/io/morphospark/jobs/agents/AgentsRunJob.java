package io.morphospark.jobs.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.agents.scenarios.StepMetrics;
import io.morphospark.models.patterns.Frame;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code agents run}: one algorithm in one scenario, its replicates fanned out as Spark tasks
 * (each a pure function of the run seed and its index, so any partitioning gives the same rows)
 * and written as a run directory: metrics/, trajectories/ and frames/ (type maps in the dataset
 * frame encoding) in Parquet, plots/film-strip.png of replicate 0 and summary.json.
 *
 * <p>Staged and committed atomically, and resumable: each task commits its replicate's result in
 * staging ({@value #REPLICATES}/replicate-NNNNN.bin, written whole or not at all) as soon as it
 * finishes, so {@link #resume} of a killed run only runs the replicates without one. The tables
 * are assembled from the replicate results in replicate order, so a resumed run is bit-identical
 * to an uninterrupted one. summary.json is written after everything else; a staging directory
 * holding it is complete and only needs its commit.
 */
public final class AgentsRunJob {
    public static final String JOB = "agents-run";
    public static final String FILM_STRIP = "plots/film-strip.png";
    public static final String SUMMARY = "summary.json";
    /** Per-replicate results in staging, dropped before the commit (the tables hold everything). */
    public static final String REPLICATES = "replicates";
    /** Frames shown in the film strip, evenly spaced over the recorded ones. */
    static final int FILM_FRAMES = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CONFIG = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final SparkSession spark;
    private final AgentsSettings settings;
    private final PrintStream console;

    public AgentsRunJob(SparkSession spark, AgentsSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    /** A new run into {@code out}. */
    public ObjectNode run(Path out) {
        settings.validate();
        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), JOB, settings);
        return execute(dir);
    }

    /**
     * The settings an interrupted run was started with (its run.json), checked as a new run's are;
     * anything that is not an interrupted {@code agents run} is refused in one line.
     */
    public static AgentsSettings recorded(Path out) {
        Path manifest = RunDirectory.manifestDirectory(out);
        JsonNode root = RunResumption.manifest(out);
        if (!JOB.equals(root.path("job").asText())) {
            throw new BadInputException(RunDirectory.targetOf(out) + " is a run of '" + root.path("job").asText()
                    + "', not of agents run");
        }
        AgentsSettings s;
        try {
            s = CONFIG.treeToValue(root.get("config"), AgentsSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("run.json in " + manifest + " holds no readable agents configuration: "
                    + String.valueOf(e.getMessage()).split("\n")[0], e);
        }
        s.validate();
        return s;
    }

    /**
     * Continues an interrupted run (this job's settings must be the run's {@link #recorded} ones):
     * replicates with a committed result are not run again.
     */
    public ObjectNode resume(Path out) {
        RunDirectory dir = RunDirectory.resume(out);
        if (!RunResumption.records(RunManifest.read(dir.staging()), settings)) {
            throw new BadInputException("cannot resume " + dir.target() + ": the settings given are not the ones it was "
                    + "started with");
        }
        if (Files.exists(dir.resolve(SUMMARY))) { // every output was written; only the rename is missing
            console.printf("agents: %s was complete but not yet in place; committing it%n", dir.target());
            deleteRecursively(dir.resolve(REPLICATES));
            ObjectNode summary = readSummary(dir.resolve(SUMMARY));
            dir.commit();
            return summary;
        }
        return execute(dir);
    }

    private ObjectNode execute(RunDirectory dir) {
        AgentAlgorithm algorithm = settings.algorithm();
        Scenario scenario = settings.scenario();
        ScenarioSettings scenarioSettings = settings.scenarioSettings();
        AgentsReplicate task = new AgentsReplicate(algorithm, scenario, scenarioSettings, settings.seed, settings.stride);

        Path replicateDir = dir.resolve(REPLICATES);
        AgentsReplicate.Output[] outputs = new AgentsReplicate.Output[settings.replicates];
        List<Integer> missing = new ArrayList<>();
        for (int r = 0; r < settings.replicates; r++) {
            outputs[r] = readReplicate(replicateFile(replicateDir, r));
            if (outputs[r] == null) {
                missing.add(r);
            }
        }
        if (missing.size() < settings.replicates) {
            console.printf("agents: resuming %s: %d of %d replicates already done%n", dir.target(),
                    settings.replicates - missing.size(), settings.replicates);
        }
        if (!missing.isEmpty()) {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int partitions = Math.min(missing.size(), settings.partitions > 0 ? settings.partitions
                    : context.defaultParallelism());
            context.setJobDescription("agents " + algorithm.id() + " in " + scenario.id());
            String where = replicateDir.toString();
            // each task commits its replicate itself, so a kill loses only the replicates still running
            context.parallelize(missing, partitions)
                    .foreach(r -> Checkpoint.writeFile(replicateFile(Path.of(where), r), task.run(r)));
            for (int r : missing) {
                outputs[r] = Checkpoint.readFile(replicateFile(replicateDir, r), AgentsReplicate.Output.class);
            }
        }
        ObjectNode summary = write(dir, algorithm, scenario, scenarioSettings, List.of(outputs));
        deleteRecursively(replicateDir);
        dir.commit();
        console.printf("agents %s in %s: score %.4f (mean of %d replicate%s); run in %s%n", algorithm.id(), scenario.id(),
                summary.get("score").asDouble(), outputs.length, outputs.length == 1 ? "" : "s", dir.target());
        return summary;
    }

    static Path replicateFile(Path replicateDir, int replicate) {
        return replicateDir.resolve(String.format("replicate-%05d.bin", replicate));
    }

    /** A committed replicate result, or null when there is none or it cannot be read (then it is run again). */
    private AgentsReplicate.Output readReplicate(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Checkpoint.readFile(file, AgentsReplicate.Output.class);
        } catch (BadInputException e) {
            console.printf("agents: %s cannot be read; running that replicate again%n", file.getFileName());
            return null;
        }
    }

    /** Tables, film strip and, last, summary.json into staging; everything may be written again by a resume. */
    private ObjectNode write(RunDirectory dir, AgentAlgorithm algorithm, Scenario scenario, ScenarioSettings scenarioSettings,
                             List<AgentsReplicate.Output> outputs) {
        List<Row> metrics = new ArrayList<>();
        List<Row> trajectories = new ArrayList<>();
        List<Row> frames = new ArrayList<>();
        for (AgentsReplicate.Output o : outputs) {
            for (StepMetrics m : o.metrics()) {
                metrics.add(RowFactory.create(o.replicate(), m.step(), m.agents(), m.polarOrder(), m.homotypic(), m.boundary(),
                        m.sortingScore(), m.meanNeighbours(), m.complexity()));
            }
            for (AgentsReplicate.Snapshot s : o.snapshots()) {
                for (int i = 0; i < s.agent().length; i++) {
                    trajectories.add(RowFactory.create(o.replicate(), s.step(), s.agent()[i], s.x()[i], s.y()[i], s.type()[i],
                            s.heading()[i], s.energy()[i]));
                }
            }
            for (int k = 0; k < o.frames().size(); k++) {
                Frame f = o.frames().get(k);
                Object[] encoded = FrameCodec.encode(f);
                Object[] row = new Object[5 + encoded.length];
                row[0] = o.replicate();
                row[1] = o.snapshots().get(k).step();
                row[2] = f.width();
                row[3] = f.height();
                row[4] = f.states();
                System.arraycopy(encoded, 0, row, 5, encoded.length);
                frames.add(RowFactory.create(row));
            }
        }
        ParquetTables.write(spark, AgentsTables.metrics(), metrics, dir.resolve(AgentsTables.METRICS));
        ParquetTables.write(spark, AgentsTables.trajectories(), trajectories, dir.resolve(AgentsTables.TRAJECTORIES));
        ParquetTables.write(spark, AgentsTables.frames(), frames, dir.resolve(AgentsTables.FRAMES));
        FilmStrip.write(dir.resolve(FILM_STRIP), film(outputs.get(0)));

        ObjectNode summary = summary(algorithm, scenario, scenarioSettings, outputs);
        try {
            Path file = dir.resolve(SUMMARY);
            Path tmp = file.resolveSibling(SUMMARY + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), summary);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    private static ObjectNode readSummary(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode summary(AgentAlgorithm algorithm, Scenario scenario, ScenarioSettings s,
                               List<AgentsReplicate.Output> outputs) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("algorithm", algorithm.id());
        summary.put("scenario", scenario.id());
        ObjectNode params = summary.putObject("parameters");
        algorithm.parameters().forEach(params::put);
        summary.put("agents", s.world().agents());
        summary.put("side", s.world().side());
        summary.put("periodic", s.world().periodic());
        summary.put("steps", s.steps());
        double mean = outputs.stream().mapToDouble(AgentsReplicate.Output::score).average().orElseThrow();
        double var = outputs.stream().mapToDouble(o -> (o.score() - mean) * (o.score() - mean)).sum() / outputs.size();
        summary.put("score", mean);
        summary.put("score_std", Math.sqrt(var));
        ArrayNode scores = summary.putArray("replicate_scores");
        outputs.forEach(o -> scores.add(o.score()));
        StepMetrics last = outputs.get(0).metrics().get(outputs.get(0).metrics().size() - 1);
        ObjectNode fin = summary.putObject("final_metrics_replicate_0");
        fin.put("agents", last.agents());
        fin.put("polar_order", last.polarOrder());
        fin.put("homotypic", last.homotypic());
        fin.put("boundary", last.boundary());
        fin.put("sorting_score", last.sortingScore());
        fin.put("mean_neighbours", last.meanNeighbours());
        fin.put("complexity", last.complexity());
        return summary;
    }

    /** Type maps: empty white, A vermilion, B blue, C green. */
    static List<FilmStrip.Frame> film(AgentsReplicate.Output o) {
        float[][] colours = {{1, 1, 1, 0}, {0.84f, 0.37f, 0.0f, 1}, {0.0f, 0.45f, 0.70f, 1}, {0.0f, 0.62f, 0.45f, 1}};
        int n = o.frames().size();
        List<FilmStrip.Frame> film = new ArrayList<>();
        int shown = Math.min(FILM_FRAMES, n);
        for (int k = 0; k < shown; k++) {
            int idx = shown == 1 ? n - 1 : (int) Math.round(k * (n - 1) / (double) (shown - 1));
            Frame f = o.frames().get(idx);
            float[] rgba = new float[f.cells() * 4];
            for (int c = 0; c < f.cells(); c++) {
                System.arraycopy(colours[Math.min(3, (int) f.values()[c])], 0, rgba, c * 4, 4);
            }
            film.add(new FilmStrip.Frame("step " + o.snapshots().get(idx).step(), f.height(), f.width(), rgba));
        }
        return film;
    }
}
