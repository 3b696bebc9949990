package io.morphospark.jobs.sweep;

import io.morphospark.datasets.catalog.RunCatalog;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.trials.TrialSweepSpec;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.MainJvm;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep killed with SIGKILL (no shutdown hook, as a lost cron host or an OOM kill) after some
 * trials committed, then re-run with the same command: every trial ends committed exactly once;
 * those committed before the kill are not run again. For NCA trainings and for small ES runs, both
 * run as parallel Spark tasks.
 */
class SweepKillTest {
    static final String SPEC = """
            job: nca-train
            name: killed
            base: {disc_size: 12, epochs: 80, pool: 6, batch: 2, min_steps: 8, max_steps: 10, validate_every: 10,
                   validation_steps: 10, validation_growths: 1, grow_steps: 4, trajectory_stride: 2}
            repeats: {field: seed, seeds: [1, 2, 3, 4, 5, 6]}
            """;
    @TempDir
    Path tmp;

    /** ES algorithms × seeds, small enough to run as parallel tasks on the in-process evaluator. */
    static final String ES_SPEC = """
            job: es
            name: killed-es
            base:
              generations: 60
              problem: {replicates: 10, steps: 1000}
              optimizer: {population: 8}
              evaluation: {validation_replicates: 4}
              output: {trajectory_replicates: 1}
            parameters:
              optimizer.algorithm: {grid: [mu-plus-lambda, snes]}
            repeats: {field: seed, seeds: [1, 2, 3]}
            """;

    @Test
    void everyTrialExactlyOnceAfterAKillAndARerun() throws Exception {
        killAndRerun(SPEC, "loss", "epoch", 80);
    }

    @Test
    void everyEsTaskTrialExactlyOnceAfterAKillAndARerun() throws Exception {
        killAndRerun(ES_SPEC, "generations", "generation", 60);
    }

    /** Kills the sweep mid-way, re-runs it, and checks each trial's {@code table} has {@code rows} distinct {@code column} values. */
    private void killAndRerun(String yaml, String table, String column, int rows) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        Path root = tmp.resolve("root");
        List<String> args = List.of("sweep", "--spec", spec.toString(), "--out", root.toString(), "--master", "local[2]");
        Process sweep = MainJvm.start(tmp.resolve("killed.log"), args);
        Map<Path, String> atKill;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            // a moment with trials committed and a trial part-way (its staging directory checkpointed); the
            // first two trials start, warm up and finish together, so wait for a later one
            while ((committed(root).size() < 2 || inProgress(root) == 0) && sweep.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(sweep.isAlive(), "the sweep ended before it could be killed: " + Files.readString(tmp.resolve("killed.log")));
        } finally {
            sweep.destroyForcibly().waitFor();
            atKill = committed(root);
        }
        long interrupted = inProgress(root);
        long staged = staged(root); // with or without a checkpoint yet: each is resumed
        assertTrue(!atKill.isEmpty() && atKill.size() < 6 && interrupted > 0, "killed after " + atKill.size()
                + " of 6 trials, " + interrupted + " part-way");

        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            SweepConsole rerun = SweepConsole.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.err());
            assertTrue(rerun.out().contains(atKill.size() + " committed (skipped), " + staged + " interrupted (resumed)"),
                    rerun.out());
            Map<Path, String> after = committed(root);
            assertEquals(6, after.size());
            for (Map.Entry<Path, String> e : atKill.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), "committed before the kill, not run again: " + e.getKey());
            }
            List<SweepRunner.PlannedTrial> planned = SweepRunner.plan(TrialSweepSpec.read(spec), root, false).trials();
            for (SweepRunner.PlannedTrial t : planned) {
                assertEquals(SweepRunner.State.COMMITTED, t.state());
                assertTrue(t.task(), "a task-sized trial");
                assertEquals(rows, spark.read().parquet(t.dir().resolve(table).toString()).select(column).distinct().count());
            }
            try (Stream<Path> s = Files.list(root.resolve(RunCatalog.TRIALS))) {
                assertEquals(6, s.filter(p -> !p.getFileName().toString().startsWith(".")).count(), "one directory per trial");
            }
            try (Stream<Path> s = Files.list(root.resolve(RunCatalog.TRIALS))) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".inprogress")), "no staging left");
            }
            assertEquals(6, spark.read().parquet(root.resolve(RunCatalog.DIRECTORY).toString())
                    .where("status = 'finished'").count());

            SweepConsole third = SweepConsole.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, third.exitCode(), third.err());
            assertTrue(third.out().contains("6 committed (skipped), 0 interrupted (resumed), 0 new"), third.out());
        } finally {
            spark.stop();
        }
    }

    /** Trials part-way: a staging directory with a checkpoint. */
    private static long inProgress(Path root) throws Exception {
        Path trials = root.resolve(RunCatalog.TRIALS);
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(trials)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".inprogress")
                    && Files.exists(p.resolve(io.morphospark.datasets.run.Checkpoint.FILE))).count();
        }
    }

    private static long staged(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root.resolve(RunCatalog.TRIALS))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".inprogress")
                    && Files.exists(p.resolve(RunDirectory.RUN_FILE))).count();
        }
    }

    private static Map<Path, String> committed(Path root) throws Exception {
        Map<Path, String> m = new java.util.HashMap<>();
        Path trials = root.resolve(RunCatalog.TRIALS);
        if (!Files.isDirectory(trials)) {
            return m;
        }
        try (Stream<Path> s = Files.list(trials)) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().startsWith(".") && Files.exists(p.resolve(RunDirectory.RUN_FILE))) {
                    m.put(p, Files.readString(p.resolve(RunDirectory.RUN_FILE)));
                }
            }
        }
        return m;
    }
}
