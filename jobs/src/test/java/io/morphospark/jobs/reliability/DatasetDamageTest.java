package io.morphospark.jobs.reliability;

import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.Tables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, items 4 and 7: damage to a committed dataset (a truncated, a deleted and an altered
 * shard file, a lost commit marker) is reported by {@code dataset verify}, named in one line by
 * the readers, and repaired by re-running generate to exactly the undamaged tables; gallery never
 * overwrites a file it is pointed at.
 */
class DatasetDamageTest {
    static final String SPEC = """
            seed: 11
            samples_per_label: 4
            samples_per_shard: 2
            grid: {min_side: 32, max_side: 32}
            frames_per_sample: 3
            labels:
              spiral: {family: cyclic-ca, params: {steps: {uniform: [40, 60]}}}
              spotted: {family: gray-scott, params: {steps: {grid: [100, 120]}}}
            """;

    @TempDir
    static Path tmp;
    static Path spec;
    static Path reference;
    static SparkSession spark;

    @BeforeAll
    static void generate() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
        reference = tmp.resolve("reference");
        assertEquals(ExitCodes.OK, generate(reference).exitCode());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Console generate(Path out) {
        return Console.run("generate", "--spec", spec.toString(), "--out", out.toString());
    }

    static Path copyOfReference(String name) throws Exception {
        Path copy = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(reference)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(reference.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    static Path shardFile(Path dataset, String table, String family, String label, int shard) {
        return dataset.resolve(table).resolve("family=" + family).resolve("label=" + label)
                .resolve(DatasetDirectory.shardFile(shard));
    }

    @Test
    void damagedShardsAreReportedNamedByReadersAndRegeneratedToTheUndamagedTables() throws Exception {
        Path d = copyOfReference("damaged");
        Path truncated = shardFile(d, DatasetTables.SAMPLES, "cyclic-ca", "spiral", 0);
        Path deleted = shardFile(d, DatasetTables.FRAMES, "cyclic-ca", "spiral", 1);
        Path altered = shardFile(d, DatasetTables.SAMPLES, "gray-scott", "spotted", 2);
        try (FileChannel c = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 2);
        }
        Files.delete(deleted);
        byte[] bytes = Files.readAllBytes(altered);
        bytes[bytes.length / 2] ^= 0x5a; // same size, other content
        Files.write(altered, bytes);
        Files.delete(d.resolve("_shards").resolve("shard-000003.json")); // a lost commit: the manifest counts it

        Console verify = Console.run("dataset", "verify", d.toString());
        assertEquals(ExitCodes.BAD_INPUT, verify.exitCode(), verify.stderr());
        List<String> damaged = verify.stdout().lines().filter(l -> l.startsWith("damaged: ")).toList();
        assertEquals(4, damaged.size(), verify.stdout());
        for (Path p : List.of(truncated, deleted, altered)) {
            assertTrue(damaged.stream().anyMatch(l -> l.contains(p.toString())), p + " not reported: " + damaged);
        }
        assertTrue(verify.errorLine().contains("4 damaged or missing files"), verify.stderr());

        for (String[] reader : List.of(new String[] {"dataset", "inspect", d.toString()},
                new String[] {"dataset", "gallery", d.toString(), "--png", tmp.resolve("g.png").toString()})) {
            Console r = Console.run(reader);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
            assertTrue(r.errorLine().contains("is damaged") && r.errorLine().contains("shard-"), r.stderr());
        }
        assertTrue(Files.notExists(tmp.resolve("g.png")), "a refused gallery writes nothing");

        Console repair = generate(d);
        assertEquals(ExitCodes.OK, repair.exitCode(), repair.stderr());
        assertEquals(3, repair.stdout().lines().filter(l -> l.contains("is damaged")).count(), repair.stdout());
        for (String table : List.of(DatasetTables.SAMPLES, DatasetTables.FRAMES)) {
            Tables.assertSameTable(spark, reference, d, table);
        }
        assertEquals(ExitCodes.OK, Console.run("dataset", "verify", d.toString()).exitCode());
        Console inspect = Console.run("dataset", "inspect", d.toString());
        assertEquals(ExitCodes.OK, inspect.exitCode(), inspect.stderr());
        assertTrue(inspect.stdout().contains("complete"), inspect.stdout());
    }

    @Test
    void galleryNeverOverwritesAFileItIsPointedAt() throws Exception {
        Path precious = Files.writeString(tmp.resolve("run.json"), "{\"job\":\"es\"}");
        Console refused = Console.run("dataset", "gallery", reference.toString(), "--png", precious.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.stderr());
        assertTrue(refused.errorLine().contains("already exists"), refused.stderr());
        assertEquals("{\"job\":\"es\"}", Files.readString(precious));

        Path png = tmp.resolve("new.png");
        Path film = tmp.resolve("new-film.png");
        Files.writeString(film, "keep");
        Console filmRefused = Console.run("dataset", "gallery", reference.toString(), "--png", png.toString(), "--film");
        assertEquals(ExitCodes.BAD_INPUT, filmRefused.exitCode(), filmRefused.stderr());
        assertTrue(Files.notExists(png) && Files.readString(film).equals("keep"), "nothing written, nothing replaced");

        Files.delete(film);
        Console drawn = Console.run("dataset", "gallery", reference.toString(), "--png", png.toString(), "--film");
        assertEquals(ExitCodes.OK, drawn.exitCode(), drawn.stderr());
        assertTrue(Files.size(png) > 0 && Files.size(film) > 0);
    }
}
