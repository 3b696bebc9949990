package io.morphospark.jobs.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.datasets.tables.ParquetTables;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code agents run}: one algorithm in one scenario, its replicates fanned out as Spark tasks
 * (each a pure function of the run seed and its index, so any partitioning gives the same rows),
 * collected in replicate order and written as a run directory: metrics/, trajectories/ and
 * frames/ (type maps in the dataset frame encoding) in Parquet, plots/film-strip.png of
 * replicate 0 and summary.json. Staged and committed atomically; runs are short (one
 * replicate of the default scenario is well under a second), so there is no checkpoint.
 */
public final class AgentsRunJob {
    public static final String JOB = "agents-run";
    public static final String FILM_STRIP = "plots/film-strip.png";
    public static final String SUMMARY = "summary.json";
    /** Frames shown in the film strip, evenly spaced over the recorded ones. */
    static final int FILM_FRAMES = 8;

    private final SparkSession spark;
    private final AgentsSettings settings;
    private final PrintStream console;

    public AgentsRunJob(SparkSession spark, AgentsSettings settings, PrintStream console) {
        this.spark = spark;
        this.settings = settings;
        this.console = console;
    }

    public ObjectNode run(Path out) {
        settings.validate();
        RunDirectory.requireAvailable(out);
        AgentAlgorithm algorithm = settings.algorithm();
        Scenario scenario = settings.scenario();
        ScenarioSettings scenarioSettings = settings.scenarioSettings();
        AgentsReplicate task = new AgentsReplicate(algorithm, scenario, scenarioSettings, settings.seed, settings.stride);

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.min(settings.replicates, settings.partitions > 0 ? settings.partitions : context.defaultParallelism());
        context.setJobDescription("agents " + algorithm.id() + " in " + scenario.id());
        List<Integer> replicates = IntStream.range(0, settings.replicates).boxed().toList();
        List<AgentsReplicate.Output> outputs = new ArrayList<>(context.parallelize(replicates, partitions)
                .map(task::run)
                .collect());
        outputs.sort(Comparator.comparingInt(AgentsReplicate.Output::replicate));

        RunDirectory dir = RunDirectory.create(out);
        RunManifest.write(dir.staging(), JOB, settings);
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
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SUMMARY).toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.commit();
        console.printf("agents %s in %s: score %.4f (mean of %d replicate%s); run in %s%n", algorithm.id(), scenario.id(),
                summary.get("score").asDouble(), outputs.size(), outputs.size() == 1 ? "" : "s", dir.target());
        return summary;
    }

    private ObjectNode summary(AgentAlgorithm algorithm, Scenario scenario, ScenarioSettings s,
                               List<AgentsReplicate.Output> outputs) {
        ObjectNode summary = new ObjectMapper().createObjectNode();
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
