package io.morphospark.jobs.sweep;

import io.morphospark.datasets.catalog.RunCatalog;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.zeppelin.DynamicForms;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.SqlScript;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep of tiny NCA trainings over seeds, run as one Spark task per trial: one command runs
 * them all, a re-run starts none, the catalogue lists them (and a run made outside the sweep) for
 * DuckDB, {@code runs compare} picks the best seed, a changed spec is refused without --extend and
 * a failing trial is recorded without stopping the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepNcaSeedsTest {
    static final String BASE = """
            job: nca-train
            name: nca-seeds
            base: {disc_size: 12, epochs: 6, pool: 6, batch: 2, min_steps: 6, max_steps: 8, validate_every: 3,
                   validation_steps: 8, validation_growths: 1, grow_steps: 4, trajectory_stride: 2}
            """;
    static final String SPEC = BASE + "repeats: {field: seed, seeds: [1, 2, 3]}\n";
    @TempDir
    static Path tmp;
    static Path spec;
    static Path root;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spec = tmp.resolve("nca-seeds.yaml");
        Files.writeString(spec, SPEC);
        root = tmp.resolve("root");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static String[] sweep(String specFile, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--spec", specFile, "--out", root.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void oneCommandRunsEveryTrialAsATask() throws Exception {
        SweepConsole dry = SweepConsole.of(sweep(spec.toString(), "--dry-run"));
        assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
        assertEquals(3, dry.out().lines().filter(l -> l.contains(" new ") && l.contains("task")).count(), dry.out());
        assertFalse(Files.exists(root), "a dry run writes nothing");

        SweepConsole run = SweepConsole.of(sweep(spec.toString()));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("0 committed (skipped), 0 interrupted (resumed), 3 new; 3 as Spark tasks"), run.out());
        List<SweepRunner.PlannedTrial> trials = SweepRunner.plan(TrialSweepSpec.read(spec), root, false).trials();
        assertEquals(3, trials.size());
        for (SweepRunner.PlannedTrial t : trials) {
            assertEquals(SweepRunner.State.COMMITTED, t.state(), t.id());
            assertTrue(RunDirectory.isFinished(t.dir()));
            // the tables a task wrote without a Spark session read back like Spark's own
            assertEquals(6, spark.read().parquet(t.dir().resolve("loss").toString()).count());
            assertTrue(spark.read().parquet(t.dir().resolve("trajectories").toString()).count() > 0);
        }
        Path trajectories = trials.get(0).dir().resolve("trajectories");
        try (var db = DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement();
             var rs = st.executeQuery("select count(*), min(len(rgba)), min(height * width * 4) from read_parquet('"
                     + trajectories + "/*.parquet')")) {
            rs.next();
            assertEquals(spark.read().parquet(trajectories.toString()).count(), rs.getLong(1));
            assertEquals(rs.getLong(3), rs.getLong(2), "RGBA lists whole");
        }
    }

    @Test
    @Order(2)
    void reRunningStartsNoTrial() throws Exception {
        Map<Path, String> before = manifests();
        SweepConsole again = SweepConsole.of(sweep(spec.toString()));
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("3 committed (skipped), 0 interrupted (resumed), 0 new"), again.out());
        assertFalse(again.out().contains("nca train:"), "no training started: " + again.out());
        assertEquals(before, manifests());
    }

    @Test
    @Order(3)
    void catalogueListsEveryRunForDuckDbAndComparesSeeds() throws Exception {
        Path outside = root.resolve("by-hand");
        assertEquals(ExitCodes.OK, Main.execute("nca", "train", "--disc-size", "12", "--epochs", "2", "--pool", "4",
                "--batch", "2", "--min-steps", "4", "--max-steps", "5", "--grow-steps", "4", "--stride", "2",
                "--out", outside.toString()));
        assertEquals(ExitCodes.OK, Main.execute("runs", "index", root.toString()));
        try (var db = DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement();
             var rs = st.executeQuery("select count(*), count(sweep), count(distinct trial_id), "
                     + "sum(case when status = 'finished' then 1 else 0 end), min(metrics['final_loss'][1]) > 0 " // DuckDB 1.1: a map lookup is a list
                     + "from read_parquet('" + root.resolve(RunCatalog.DIRECTORY) + "/*.parquet')")) {
            rs.next();
            assertEquals(4, rs.getLong(1), "three trials and the run made by hand");
            assertEquals(3, rs.getLong(2), "the sweep's trials carry its name");
            assertEquals(4, rs.getLong(3));
            assertEquals(4, rs.getLong(4));
            assertTrue(rs.getBoolean(5));
        }
        Row handMade = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .where("run = 'by-hand'").first();
        assertEquals("nca-train", handMade.getAs("job"));
        assertEquals("2", ((scala.collection.Map<String, String>) handMade.getAs("config")).get("epochs").get());

        Path png = tmp.resolve("seeds.png");
        SweepConsole compare = SweepConsole.of("runs", "compare", root.toString(), "--metric", "final_loss", "--by", "seed",
                "--goal", "min", "--sweep", "nca-seeds", "--png", png.toString());
        assertEquals(ExitCodes.OK, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("runs: 3 runs in 3 groups"), compare.out());
        assertTrue(Files.size(png) > 1000);
        SweepConsole list = SweepConsole.of("runs", "list", root.toString(), "--metric", "final_loss");
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("runs: 4 runs"), list.out());
    }

    @Test
    @Order(4)
    void aChangedSpecIsRefusedWithoutExtendAndAFailedTrialIsRecorded() throws Exception {
        Path changed = tmp.resolve("more-seeds.yaml");
        Files.writeString(changed, BASE + "repeats: {field: seed, seeds: [3, 4, 5]}\n");
        Map<Path, String> before = manifests();
        SweepConsole refused = SweepConsole.of(sweep(changed.toString()));
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().startsWith("morphospark: error: spec: ") && refused.err().contains("--extend"), refused.err());
        assertEquals(before, manifests());

        // seed 5's run directory is blocked by a stray file: that trial fails, seed 4 still runs
        List<SweepRunner.PlannedTrial> planned = SweepRunner.plan(TrialSweepSpec.read(changed), root, true).trials();
        SweepRunner.PlannedTrial blocked = planned.get(2);
        Files.createDirectories(blocked.dir());
        Files.writeString(blocked.dir().resolve("stray.txt"), "not a run");
        SweepConsole extended = SweepConsole.of(sweep(changed.toString(), "--extend"));
        assertEquals(ExitCodes.INTERNAL, extended.exitCode(), extended.out());
        assertTrue(extended.out().contains("1 committed (skipped), 0 interrupted (resumed), 2 new"), extended.out());
        assertTrue(extended.err().contains("1 of 3 trials failed"), extended.err());
        assertTrue(Files.exists(root.resolve("failures").resolve(blocked.id() + ".json")));
        assertTrue(RunDirectory.isFinished(planned.get(1).dir()), "the other new trial ran");
        Row failed = spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                .where("status = 'failed'").selectExpr("trial_id", "error", "config['seed']").first();
        assertEquals(blocked.id(), failed.getString(0));
        assertTrue(failed.getString(1).contains("exists and is not empty"), failed.getString(1));
        assertEquals("5", failed.getString(2));
        assertEquals(before, subset(manifests(), before.keySet()), "trials of the first spec untouched");
    }

    @Test
    @Order(5)
    void theSweepNotesSqlRunsOnTheCatalogue() throws Exception {
        Path notes = Path.of(System.getProperty("user.dir")).resolveSibling("notebooks-zeppelin");
        List<ZeppelinNote> sweepNotes = ZeppelinNote.readAll(notes).stream()
                .filter(n -> n.file().getFileName().toString().startsWith("sweep-")).toList();
        assertFalse(sweepNotes.isEmpty(), "no sweep-*.zpln in " + notes);
        for (ZeppelinNote note : sweepNotes) {
            SparkSession session = spark.newSession();
            int queries = 0;
            for (NoteParagraph p : note.paragraphs()) {
                if (!p.enabled() || !p.isSql()) {
                    assertTrue(p.isMarkdown() || !p.enabled(), "only SQL and markdown: " + p.label());
                    continue;
                }
                String sql = DynamicForms.expand(p.body(), Map.of("catalog_root", root.toString(), "metric", "final_loss",
                        "param", "seed"));
                for (String statement : SqlScript.statements(sql)) {
                    Row[] rows = (Row[]) session.sql(statement).collect();
                    if (SqlScript.isQuery(statement)) {
                        queries++;
                        assertTrue(rows.length > 0, note.name() + ", " + p.label() + ": no rows for " + statement);
                    }
                }
            }
            assertTrue(queries >= 4, note.name() + " runs " + queries + " queries");
        }
        // the best seed by final loss, as the note's "Best trial per group" finds it: runs best names its directory
        Row best = spark.sql("SELECT run FROM parquet.`" + root.resolve(RunCatalog.DIRECTORY) + "` WHERE sweep = 'nca-seeds'"
                + " AND status = 'finished' ORDER BY metrics['final_loss'] ASC, run LIMIT 1").first();
        SweepConsole picked = SweepConsole.of("runs", "best", root.toString(), "--metric", "final_loss", "--goal", "min",
                "--sweep", "nca-seeds");
        assertEquals(ExitCodes.OK, picked.exitCode(), picked.err());
        Path bestRun = Path.of(picked.out().trim());
        assertEquals(root.resolve(best.getString(0)), bestRun);
        assertTrue(Files.isDirectory(bestRun.resolve("model-best")));
    }

    private static Map<Path, String> subset(Map<Path, String> all, java.util.Set<Path> keys) {
        Map<Path, String> m = new HashMap<>(all);
        m.keySet().retainAll(keys);
        return m;
    }

    /** Every committed trial's run.json (its creation time included), by directory. */
    static Map<Path, String> manifests() throws Exception {
        Map<Path, String> m = new HashMap<>();
        try (Stream<Path> s = Files.list(root.resolve(RunCatalog.TRIALS))) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().startsWith(".") && Files.exists(p.resolve(RunDirectory.RUN_FILE))) {
                    m.put(p, Files.readString(p.resolve(RunDirectory.RUN_FILE)));
                }
            }
        }
        return m;
    }
}
