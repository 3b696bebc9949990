package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.jobs.agents.AgentsTables;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** agents run end to end on a small world, and the same Parquet on local[1], local[2] and any partition count. */
class AgentsCommandTest {
    static SparkSession spark;
    @TempDir
    static Path tmp;

    private static final String[] SMALL = {"--agents", "60", "--steps", "20", "--stride", "5", "--seed", "9"};

    @BeforeAll
    static void start() {
        spark = session("local[2]");
    }

    private static SparkSession session(String master) {
        return SparkSession.builder().master(master).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static int run(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("agents", "run"));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        return Main.execute(all.toArray(String[]::new));
    }

    @Test
    void writesARunDirectory() throws Exception {
        Path out = tmp.resolve("vicsek");
        assertEquals(ExitCodes.OK, run(out, "--movement", "random_walk", "--decision", "consensus_based", "--communication",
                "local_signaling", "--scenario", "collective_movement", "--param", "noise=0.1", "--param", "speed=0.3",
                "--replicates", "2"));
        for (String f : List.of("run.json", "summary.json", "plots/film-strip.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertNotNull(ImageIO.read(out.resolve("plots/film-strip.png").toFile()));
        List<Row> metrics = Tables.read(spark, out, AgentsTables.METRICS).orderBy("replicate", "step").collectAsList();
        assertEquals(2 * 21, metrics.size(), "steps 0..20 of two replicates");
        List<Row> traj = Tables.read(spark, out, AgentsTables.TRAJECTORIES).where("replicate = 0").collectAsList();
        assertEquals(5 * 60, traj.size(), "steps 0, 5, 10, 15, 20 × 60 agents");
        for (Row r : traj) {
            double x = r.getAs("x");
            assertTrue(x >= 0 && x < Math.sqrt(60 / 2.0));
        }
        List<Row> frames = Tables.read(spark, out, AgentsTables.FRAMES).where("replicate = 0").orderBy("step").collectAsList();
        assertEquals(List.of(0, 5, 10, 15, 20), frames.stream().map(r -> r.<Integer>getAs("step")).toList());
        Row f = frames.get(4);
        List<Byte> states = f.getList(f.fieldIndex("states"));
        byte[] b = new byte[states.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = states.get(i);
        }
        float[] cells = FrameCodec.decode(null, b, null, 0, 0);
        assertEquals(8 * 8, cells.length, "√60 ≈ 8 pixels a side");
        int occupied = 0;
        for (float c : cells) {
            assertTrue(c >= 0 && c <= 2);
            occupied += c > 0 ? 1 : 0;
        }
        assertTrue(occupied > 0);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("random_walk/consensus_based/local_signaling", summary.path("algorithm").asText());
        assertEquals(0.1, summary.path("parameters").path("noise").asDouble());
        double score = summary.path("score").asDouble();
        assertTrue(score >= 0 && score <= 1);
        assertEquals(2, summary.path("replicate_scores").size());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("agents-run", manifest.path("job").asText());
    }

    @Test
    void sameParquetOnAnyMasterAndPartitioning() {
        String[] alg = {"--movement", "neighbor_attraction", "--decision", "probabilistic", "--communication",
            "chemical_trails", "--scenario", "sorting", "--replicates", "3", "--walled", "--division", "--max-agents", "90"};
        Path a = tmp.resolve("p3");
        Path b = tmp.resolve("p1");
        Path c = tmp.resolve("local1");
        List<String> withPartitions = new ArrayList<>(List.of(alg));
        withPartitions.addAll(List.of("--partitions", "3"));
        assertEquals(ExitCodes.OK, run(a, withPartitions.toArray(String[]::new)));
        withPartitions.set(withPartitions.size() - 1, "1");
        assertEquals(ExitCodes.OK, run(b, withPartitions.toArray(String[]::new)));
        spark.stop();
        spark = session("local[1]");
        try {
            withPartitions.set(withPartitions.size() - 1, "2");
            assertEquals(ExitCodes.OK, run(c, withPartitions.toArray(String[]::new)));
            for (String table : List.of(AgentsTables.METRICS, AgentsTables.TRAJECTORIES, AgentsTables.FRAMES)) {
                Tables.assertSameTable(spark, a, b, table);
                Tables.assertSameTable(spark, a, c, table);
            }
        } finally {
            spark.stop();
            spark = session("local[2]");
        }
    }
}
