package io.morphospark.jobs.cli;

import io.morphospark.datasets.dataset.DatasetTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generate spec with the agents family next to a field family; per-label metrics as the class demands; a gallery. */
class GenerateAgentsTest {
    private static final String SPEC = """
            seed: 5
            samples_per_label: 2
            samples_per_shard: 2
            grid: {min_side: 32, max_side: 32}
            frames_per_sample: 3
            augment: {symmetry: true, max_noise: 0.0}
            labels:
              random:    {family: bernoulli}
              clustered: {family: agents, params: {steps: {uniform: [400, 450]}}}
              spotted:   {family: agents, params: {steps: {uniform: [200, 250]}}}
              striped:   {family: agents, params: {steps: {uniform: [200, 250]}}}
              spiral:    {family: agents, params: {steps: {uniform: [200, 250]}}}
            """;

    static SparkSession spark;
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void generate() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Path spec = Files.writeString(tmp.resolve("agents.yaml"), SPEC);
        out = tmp.resolve("agents-dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", out.toString()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void agentsSamplesCarryTheirClassMetrics() {
        Dataset<Row> samples = spark.read().parquet(out.resolve(DatasetTables.SAMPLES).toString());
        assertEquals(10, samples.count());
        assertEquals(8, samples.where("family = 'agents'").count());
        assertEquals(2, samples.where("family = 'bernoulli'").count());
        assertEquals(4 * 2 * 3 + 2, spark.read().parquet(out.resolve(DatasetTables.FRAMES).toString()).count(),
                "three frames per agent sample, one per static random field");
        for (Row r : samples.where("family = 'agents'").collectAsList()) {
            String label = r.getAs("label");
            double moran = r.getAs("morans_i");
            double singularities = r.getAs("phase_singularities");
            assertEquals(label.equals("spiral"), singularities > 0, label + ": phase singularities " + singularities);
            if (!label.equals("random")) {
                assertTrue(moran > 0.3, label + ": spatially structured, Moran's I " + moran);
            }
        }
        double spottedAnisotropy = samples.where("label = 'spotted'").agg(org.apache.spark.sql.functions.max("anisotropy"))
                .first().getDouble(0);
        double stripedAnisotropy = samples.where("label = 'striped'").agg(org.apache.spark.sql.functions.min("anisotropy"))
                .first().getDouble(0);
        assertTrue(stripedAnisotropy > spottedAnisotropy, "striped " + stripedAnisotropy + " vs spotted " + spottedAnisotropy);
    }

    @Test
    void galleryShowsEveryClass() throws Exception {
        Path png = tmp.resolve("gallery.png");
        assertEquals(ExitCodes.OK, Main.execute("dataset", "gallery", out.toString(), "--per-label", "2", "--png", png.toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getHeight() > 5 * 32, "a row per label: " + image.getHeight());
        List<String> labels = spark.read().parquet(out.resolve(DatasetTables.SAMPLES).toString()).select("label").distinct()
                .orderBy("label").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("clustered", "random", "spiral", "spotted", "striped"), labels);
    }
}
