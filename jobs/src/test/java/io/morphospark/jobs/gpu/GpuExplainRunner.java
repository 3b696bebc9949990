package io.morphospark.jobs.gpu;

import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.zeppelin.DynamicForms;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.ScalaParagraphReplay;
import io.morphospark.jobs.zeppelin.SqlScript;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import io.morphospark.udfs.MorphoSparkFunctions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the project's analysis SQL under the RAPIDS Accelerator in explain-only mode and writes
 * {@code docs/gpu/explain-report.md}. Started by {@code docs/gpu/explain.sh} through
 * {@code org.apache.spark.deploy.SparkSubmit} with the plugin in {@code --jars} (on the plain
 * classpath the plugin fails at start-up). It makes the tiny real inputs the queries read first: an
 * {@code es} run (as ZeppelinNotesTest does), a {@code discover} run (as DiscoveryNoteTest does), a
 * sweep's run catalogue (as SweepNcaSeedsTest does) and a {@code generate} dataset; each note is
 * explained against the kind of run it analyses.
 *
 * <p>Arguments: the report file, the notes directory, a work directory for the inputs, and
 * optionally {@code --raw DIR} to keep each query's plugin output.
 */
public final class GpuExplainRunner {
    private static final String DATASET_SPEC = """
            seed: 11
            samples_per_label: 2
            samples_per_shard: 2
            grid: {min_side: 32, max_side: 32}
            frames_per_sample: 3
            labels:
              random: {family: bernoulli}
              spiral: {family: cyclic-ca, params: {steps: {uniform: [60, 80]}}}
            """;
    /** Two seeds of a tiny NCA training, so the catalogue note's per-parameter groups have more than one value. */
    private static final String SWEEP_SPEC = """
            job: nca-train
            name: nca-seeds
            base: {disc_size: 12, epochs: 6, pool: 6, batch: 2, min_steps: 6, max_steps: 8, validate_every: 3,
                   validation_steps: 8, validation_growths: 1, grow_steps: 4, trajectory_stride: 2}
            repeats: {field: seed, seeds: [1, 2]}
            """;

    private GpuExplainRunner() {
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args[0]).toAbsolutePath();
        Path notesDir = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Path raw = args.length > 4 && args[3].equals("--raw") ? Files.createDirectories(Path.of(args[4])) : null;

        SparkSession spark = SparkSession.builder().getOrCreate(); // SparkSubmit's settings: the plugin, explain-only
        Path runDir = work.resolve("es-run");
        Path datasetDir = work.resolve("dataset");
        requireOk(Main.execute("es", "--preset", "lateral-inhibition", "--generations", "3", "--population", "6",
                "--replicates", "8", "--steps", "200", "--seed", "7", "--out", runDir.toString()), "es");
        Path spec = Files.writeString(work.resolve("dataset.yaml"), DATASET_SPEC);
        requireOk(Main.execute("generate", "--spec", spec.toString(), "--out", datasetDir.toString()), "generate");
        Path discoveryDir = work.resolve("discovery-run");
        requireOk(Main.execute("discover", "--out", discoveryDir.toString(), "--search", "map-elites",
                "--generations", "3", "--population", "8", "--gaussian-batch", "3", "--crossover-batch", "3",
                "--cma-batch", "3", "--agents", "20", "--steps", "6", "--replicates", "2", "--bins", "4,4",
                "--film-top", "0", "--seed", "5"), "discover");
        Path catalogRoot = work.resolve("sweep-root");
        Path sweepSpec = Files.writeString(work.resolve("nca-seeds.yaml"), SWEEP_SPEC);
        requireOk(Main.execute("sweep", "--spec", sweepSpec.toString(), "--out", catalogRoot.toString()), "sweep");
        Map<String, Map<String, String>> formsByNotePrefix = Map.of(
                "es-", Map.of("run_dir", runDir.toString()),
                "discovery-", Map.of("run_dir", discoveryDir.toString()),
                "sweep-", Map.of("catalog_root", catalogRoot.toString(), "metric", "final_loss", "param", "seed"));

        List<ExplainReport.Query> queries = new ArrayList<>();
        for (ZeppelinNote note : ZeppelinNote.readAll(notesDir)) {
            SparkSession session = spark.newSession();
            MorphoSparkFunctions.register(session);
            for (NoteParagraph paragraph : note.paragraphs()) {
                if (!paragraph.enabled()) {
                    continue;
                }
                if (paragraph.isScala()) {
                    ScalaParagraphReplay.replay(paragraph, session);
                } else if (paragraph.isSql()) {
                    String sql = DynamicForms.expand(paragraph.body(), forms(formsByNotePrefix, note));
                    for (String statement : SqlScript.statements(sql)) {
                        if (SqlScript.isQuery(statement)) {
                            queries.add(explain(session, note.file().getFileName() + " › " + paragraph.label(), statement));
                        } else {
                            session.sql(statement).collect(); // the views the queries read
                        }
                    }
                }
            }
        }
        SparkSession session = spark.newSession();
        MorphoSparkFunctions.register(session);
        for (Map.Entry<String, String> shown : readmeQueries(runDir, datasetDir).entrySet()) {
            queries.add(explain(session, shown.getKey(), shown.getValue()));
        }
        if (raw != null) {
            for (int i = 0; i < queries.size(); i++) {
                Files.writeString(raw.resolve(String.format("%02d.txt", i + 1)), queries.get(i).explanation());
            }
        }
        Files.createDirectories(report.getParent());
        Files.writeString(report, ExplainReport.markdown(queries, pluginVersion(spark)));
        System.out.println("explain report: " + report + " (" + queries.size() + " queries)");
        spark.stop();
    }

    /** The form values of the run a note analyses, chosen by the note's file-name prefix. */
    private static Map<String, String> forms(Map<String, Map<String, String>> formsByNotePrefix, ZeppelinNote note) {
        String name = note.file().getFileName().toString();
        return formsByNotePrefix.entrySet().stream().filter(e -> name.startsWith(e.getKey())).findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException(name + ": no run to explain it against (add one to GpuExplainRunner)"));
    }

    /**
     * The run and dataset queries README.md and datasets/README.md show (for DuckDB there), written
     * as the Spark SQL a user would type for the same result.
     */
    static Map<String, String> readmeQueries(Path runDir, Path datasetDir) {
        return orderedPairs(
                "README.md › a run's generations table",
                "SELECT * FROM parquet.`" + runDir.resolve("generations") + "`",
                "datasets/README.md › mean Moran's I per label",
                "SELECT label, avg(morans_i) FROM parquet.`" + datasetDir.resolve("samples") + "` GROUP BY label",
                "datasets/README.md › decoding a quantised frame",
                "SELECT transform(quantised, q -> q_offset + (q + 32768) * q_scale) AS frame FROM parquet.`"
                        + datasetDir.resolve("frames") + "`");
    }

    private static Map<String, String> orderedPairs(String... titleThenSql) {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < titleThenSql.length; i += 2) {
            pairs.put(titleThenSql[i], titleThenSql[i + 1]);
        }
        return pairs;
    }

    private static ExplainReport.Query explain(SparkSession session, String title, String sql) {
        Dataset<Row> query = session.sql(sql);
        query.collect(); // it must run as written (explain-only executes on the CPU)
        return new ExplainReport.Query(title, sql, potentialGpuPlan(query));
    }

    /** The plugin's public explain API, looked up in the class loader SparkSubmit gave the plugin jar. */
    private static String potentialGpuPlan(Dataset<Row> query) {
        try {
            Class<?> api = Class.forName("com.nvidia.spark.rapids.ExplainPlan", true,
                    Thread.currentThread().getContextClassLoader());
            return (String) api.getMethod("explainPotentialGpuPlan", Dataset.class, String.class).invoke(null, query, "ALL");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the RAPIDS plugin is not on the classpath: pass it with --jars", e);
        }
    }

    private static String pluginVersion(SparkSession spark) {
        return spark.conf().get("spark.jars", "").replaceAll(".*/", "");
    }

    private static void requireOk(int exit, String command) {
        if (exit != 0) {
            throw new IllegalStateException("morphospark " + command + " exited with " + exit);
        }
    }
}
