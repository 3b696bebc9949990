package io.morphospark.jobs.dataset;

import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateJobTest {
    /** Cheap labels and short runs: this checks the data layer, not the patterns. */
    static String spec(int samplesPerShard) {
        return """
                seed: 11
                samples_per_label: 5
                samples_per_shard: %d
                grid: {min_side: 32, max_side: 36}
                frames_per_sample: 4
                labels:
                  random: {family: bernoulli}
                  spiral: {family: cyclic-ca, params: {steps: {uniform: [60, 80]}}}
                  spotted: {family: gray-scott, sampling: latin-hypercube, params: {steps: {grid: [120, 150]}}}
                """.formatted(samplesPerShard);
    }

    @TempDir
    static Path tmp;
    static Path twoPerShard;
    static Path fivePerShard;

    static Path specFile(String name, String yaml) throws Exception {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static int generate(String master, Path spec, Path out) {
        return Main.execute("generate", "--spec", spec.toString(), "--out", out.toString(), "--master", master);
    }

    @BeforeAll
    static void generateTwice() throws Exception {
        twoPerShard = tmp.resolve("two-per-shard");
        fivePerShard = tmp.resolve("five-per-shard");
        assertEquals(ExitCodes.OK, generate("local[1]", specFile("two", spec(2)), twoPerShard));
        assertEquals(ExitCodes.OK, generate("local[2]", specFile("five", spec(5)), fivePerShard));
    }

    @Test
    void identicalTablesWhateverTheShardsAndCores() {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (String table : List.of(DatasetTables.SAMPLES, DatasetTables.FRAMES)) {
                var a = spark.read().parquet(twoPerShard.resolve(table).toString());
                var b = spark.read().parquet(fivePerShard.resolve(table).toString());
                String[] order = table.equals(DatasetTables.SAMPLES) ? new String[] {"id"} : new String[] {"id", "step"};
                var rowsA = a.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length)).collectAsList();
                var rowsB = b.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length)).collectAsList();
                assertEquals(rowsA.size(), rowsB.size(), table);
                for (int i = 0; i < rowsA.size(); i++) {
                    assertEquals(rowsA.get(i).toString(), rowsB.get(i).toString(), table + " row " + i);
                }
            }
            var samples = spark.read().parquet(twoPerShard.resolve(DatasetTables.SAMPLES).toString());
            assertEquals(15, samples.count());
            assertEquals(15, samples.select("id").distinct().count());
            assertEquals(5, samples.where("label = 'spiral' and family = 'cyclic-ca'").count());
            // 4 frames a sample, except the static random fields (one frame)
            assertEquals(5 + 10 * 4, spark.read().parquet(twoPerShard.resolve(DatasetTables.FRAMES).toString()).count());
        } finally {
            spark.stop();
        }
    }

    @Test
    void readableByDuckDbWithHivePartitions() throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement();
             var rs = st.executeQuery("select label, count(*), sum(len(final_bits)), count(final_quantised) from read_parquet('"
                     + twoPerShard.resolve("samples") + "/*/*/*.parquet', hive_partitioning = true) group by label order by label")) {
            rs.next();
            assertEquals("random", rs.getString(1));
            assertEquals(5, rs.getLong(2));
            assertTrue(rs.getLong(3) >= 5 * 32 * 32, "binary frames stored as booleans");
            rs.next();
            assertEquals("spiral", rs.getString(1));
            rs.next();
            assertEquals("spotted", rs.getString(1));
            assertEquals(5, rs.getLong(4), "Gray–Scott frames quantised");
        }
    }

    @Test
    void rerunningTheSameSpecSkipsEverythingAndAnotherSpecIsRefused() throws Exception {
        String manifest = Files.readString(twoPerShard.resolve("manifest.json"));
        List<String> before = files(twoPerShard);
        assertEquals(ExitCodes.OK, generate("local[1]", specFile("two-again", spec(2)), twoPerShard));
        assertEquals(before, files(twoPerShard));
        assertEquals(ExitCodes.BAD_INPUT, generate("local[1]", specFile("other", spec(2).replace("seed: 11", "seed: 12")), twoPerShard));
        assertEquals(before, files(twoPerShard));
        assertEquals(manifest.replaceAll("\"created\".*", ""), Files.readString(twoPerShard.resolve("manifest.json")).replaceAll("\"created\".*", ""));
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Path out = tmp.resolve("dry");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", specFile("dry", spec(2)).toString(), "--out", out.toString(), "--dry-run"));
        assertFalse(Files.exists(out));
    }

    static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
