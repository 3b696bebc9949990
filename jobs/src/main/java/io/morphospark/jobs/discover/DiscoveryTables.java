package io.morphospark.jobs.discover;

import io.morphospark.datasets.tables.ParquetTables;
import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.discovery.Archive;
import io.morphospark.models.discovery.DiscoveryRun;
import io.morphospark.models.discovery.Elite;
import io.morphospark.models.discovery.GenerationMetrics;
import io.morphospark.models.discovery.Genome;
import io.morphospark.models.problem.Evaluation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Parquet tables of a discovery run. The per-generation ones ({@code evaluations},
 * {@code archive_history}, {@code generations}) are written as one Hive partition per generation
 * ({@code evaluations/generation=G/}) as the run goes, so the checkpoint holds only the search
 * state; Spark, DuckDB ({@code hive_partitioning}) and pandas read each directory as one table with
 * a {@code generation} column. {@code archive} (final elites) and {@code top} are written at the end.
 */
final class DiscoveryTables {
    static final String EVALUATIONS = "evaluations";
    static final String ARCHIVE = "archive";
    static final String ARCHIVE_HISTORY = "archive_history";
    static final String GENERATIONS = "generations";
    static final String TOP = "top";

    private final List<String> metricNames;
    private final List<String> descriptors;

    DiscoveryTables(List<String> metricNames, List<String> descriptors) {
        this.metricNames = metricNames;
        this.descriptors = descriptors;
    }

    static Path partition(Path staging, String table, int generation) {
        return staging.resolve(table).resolve("generation=" + generation);
    }

    /** The three per-generation tables of one generation (re-written identically by a resumed run). */
    void writeGeneration(SparkSession spark, Path staging, DiscoveryRun.Generation g) {
        int gen = g.metrics().generation();
        List<Row> evaluations = new ArrayList<>();
        List<Row> history = new ArrayList<>();
        for (int i = 0; i < g.evaluations().length; i++) {
            double[] genome = g.population().candidate(i);
            Evaluation e = g.evaluations()[i];
            Archive.Insertion ins = g.insertions().get(i);
            int[] p = g.parents()[i];
            List<Object> row = new ArrayList<>(algorithmColumns(i, genome));
            row.add(e.invalid());
            for (double m : e.metrics()) {
                row.add(m);
            }
            row.add(g.descriptors()[i][0]);
            row.add(g.descriptors()[i][1]);
            row.add(ins.cell());
            row.add(ins.status().name().toLowerCase());
            row.add(p[0]);
            row.add(p[1]);
            row.add(p[2]);
            row.add(p[3]);
            evaluations.add(RowFactory.create(row.toArray()));
            if (ins.status() != Archive.Status.NOT_ADDED) {
                history.add(RowFactory.create(ins.cell(), i, ins.status().name().toLowerCase(), e.fitness(), ins.value(),
                        g.descriptors()[i][0], g.descriptors()[i][1]));
            }
        }
        ParquetTables.write(spark, evaluationSchema(), evaluations, partition(staging, EVALUATIONS, gen));
        ParquetTables.write(spark, historySchema(), history, partition(staging, ARCHIVE_HISTORY, gen));
        GenerationMetrics m = g.metrics();
        ParquetTables.write(spark, generationSchema(), List.of(RowFactory.create(m.candidates(), m.evaluationsTotal(),
                m.bestPerformance(), m.meanPerformance(), m.bestEver(), m.invalid(), m.diversity(), m.elites(), m.coverage(),
                m.qdScore(), Archive.QD_OFFSET, m.archiveBest(), m.archiveMean(), m.newCells(), m.improvedCells())),
                partition(staging, GENERATIONS, gen));
    }

    void writeArchive(SparkSession spark, Path staging, Archive archive) {
        List<Row> rows = new ArrayList<>();
        for (Elite e : archive.elites()) {
            List<Object> row = new ArrayList<>(List.of(e.cell()));
            row.addAll(algorithmColumns(e.candidate(), e.genome()));
            row.add(0, e.generation());
            row.add(e.objective());
            row.add(e.descriptors()[0]);
            row.add(e.descriptors()[1]);
            rows.add(RowFactory.create(row.toArray()));
        }
        List<StructField> f = new ArrayList<>(List.of(DataTypes.createStructField("generation", DataTypes.IntegerType, false),
                DataTypes.createStructField("cell", DataTypes.IntegerType, false)));
        f.addAll(algorithmFields());
        f.add(DataTypes.createStructField("performance", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("descriptor_x", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("descriptor_y", DataTypes.DoubleType, false));
        ParquetTables.write(spark, DataTypes.createStructType(f), rows, staging.resolve(ARCHIVE));
    }

    void writeTop(SparkSession spark, Path staging, List<DiscoveryRun.Ranked> top) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < top.size(); k++) {
            DiscoveryRun.Ranked r = top.get(k);
            List<Object> row = new ArrayList<>(List.of(k + 1, r.generation()));
            row.addAll(algorithmColumns(r.candidate(), r.genome()));
            for (double m : r.metrics()) {
                row.add(m);
            }
            rows.add(RowFactory.create(row.toArray()));
        }
        List<StructField> f = new ArrayList<>(List.of(DataTypes.createStructField("rank", DataTypes.IntegerType, false),
                DataTypes.createStructField("generation", DataTypes.IntegerType, false)));
        f.addAll(algorithmFields());
        metricNames.forEach(n -> f.add(DataTypes.createStructField(n, DataTypes.DoubleType, false)));
        ParquetTables.write(spark, DataTypes.createStructType(f), rows, staging.resolve(TOP));
    }

    /** candidate, movement, decision, communication, algorithm id, parameters of its rules, genome. */
    private static List<Object> algorithmColumns(int candidate, double[] genome) {
        AgentAlgorithm a = Genome.decode(genome);
        Map<String, Double> params = new TreeMap<>(a.parameters());
        return List.of(candidate, a.movement().id(), a.decision().id(), a.communication().id(), a.id(), params, genome);
    }

    private static List<StructField> algorithmFields() {
        return List.of(DataTypes.createStructField("candidate", DataTypes.IntegerType, false),
                DataTypes.createStructField("movement", DataTypes.StringType, false),
                DataTypes.createStructField("decision", DataTypes.StringType, false),
                DataTypes.createStructField("communication", DataTypes.StringType, false),
                DataTypes.createStructField("algorithm", DataTypes.StringType, false),
                DataTypes.createStructField("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false),
                DataTypes.createStructField("genome", DataTypes.createArrayType(DataTypes.DoubleType, false), false));
    }

    StructType evaluationSchema() {
        List<StructField> f = new ArrayList<>(algorithmFields());
        f.add(DataTypes.createStructField("invalid", DataTypes.BooleanType, false));
        metricNames.forEach(n -> f.add(DataTypes.createStructField(n, DataTypes.DoubleType, false)));
        f.add(DataTypes.createStructField("descriptor_x", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("descriptor_y", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("cell", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("archive_status", DataTypes.StringType, false));
        for (String p : List.of("parent1_generation", "parent1_candidate", "parent2_generation", "parent2_candidate")) {
            f.add(DataTypes.createStructField(p, DataTypes.IntegerType, false));
        }
        return DataTypes.createStructType(f);
    }

    static StructType historySchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("cell", DataTypes.IntegerType, false),
                DataTypes.createStructField("candidate", DataTypes.IntegerType, false),
                DataTypes.createStructField("status", DataTypes.StringType, false),
                DataTypes.createStructField("performance", DataTypes.DoubleType, false),
                DataTypes.createStructField("improvement", DataTypes.DoubleType, false),
                DataTypes.createStructField("descriptor_x", DataTypes.DoubleType, false),
                DataTypes.createStructField("descriptor_y", DataTypes.DoubleType, false)));
    }

    static StructType generationSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("candidates", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("evaluations_total", DataTypes.LongType, false));
        for (String d : List.of("best_performance", "mean_performance", "best_ever")) {
            f.add(DataTypes.createStructField(d, DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField("invalid", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("diversity", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("elites", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("coverage", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("qd_score", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("qd_offset", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("archive_best", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("archive_mean", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("new_cells", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("improved_cells", DataTypes.IntegerType, false));
        return DataTypes.createStructType(f);
    }

    List<String> descriptors() {
        return descriptors;
    }
}
