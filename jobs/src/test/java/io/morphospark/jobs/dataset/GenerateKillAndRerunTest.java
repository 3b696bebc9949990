package io.morphospark.jobs.dataset;

import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generate run killed with SIGKILL part-way and run again ends with every sample exactly once. */
class GenerateKillAndRerunTest {
    static final String SPEC = """
            seed: 5
            samples_per_label: 12
            samples_per_shard: 1
            grid: {min_side: 32, max_side: 32}
            frames_per_sample: 3
            labels:
              clustered: {family: cellular-potts, params: {steps: {uniform: [2500, 3000]}}}
            """;

    @TempDir
    Path tmp;

    @Test
    void noDuplicateAndNoMissingSampleAfterAKill() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("dataset");
        Process generator = MainJvm.start(tmp.resolve("killed.log"),
                List.of("generate", "--spec", spec.toString(), "--out", out.toString(), "--master", "local[2]"));
        long committedAtKill;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (markers(out) == 0 && generator.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(generator.isAlive(), "the run ended before it could be killed: " + Files.readString(tmp.resolve("killed.log")));
        } finally {
            generator.destroyForcibly().waitFor();
            committedAtKill = markers(out);
        }
        assertTrue(committedAtKill > 0 && committedAtKill < 12, "killed after " + committedAtKill + " of 12 shards");

        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", out.toString(), "--master", "local[2]"));

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            var samples = spark.read().parquet(out.resolve(DatasetTables.SAMPLES).toString());
            assertEquals(12, samples.count());
            assertEquals(12, samples.select("id").distinct().count());
            assertEquals(0, samples.where("id < 0 or id >= 12").count());
            var frames = spark.read().parquet(out.resolve(DatasetTables.FRAMES).toString());
            assertEquals(36, frames.count());
            assertEquals(36, frames.select("id", "step").distinct().count());
        } finally {
            spark.stop();
        }
        assertTrue(Files.notExists(out.resolve("_staging")), "staging cleaned up");
    }

    private static long markers(Path out) throws Exception {
        Path dir = out.resolve("_shards");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
