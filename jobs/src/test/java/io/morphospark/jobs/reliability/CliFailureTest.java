package io.morphospark.jobs.reliability;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.DirectoryLock;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, items 8 and 10 and the global usability items: the user's failures exit 2 with one
 * line (an unwritable or full output location, a --master that does not parse, a truncated
 * run.json, bad bench arguments), a signal leaves a resumable run and says so, a missing --out is
 * the same usage error everywhere, the hidden staging directory resumes its run, and --help shows
 * defaults and descriptions.
 */
class CliFailureTest {
    static final List<String> TINY = List.of("--generations", "2", "--population", "4", "--replicates", "4",
            "--steps", "100", "--validation-replicates", "4", "--trajectory-replicates", "2");

    @TempDir
    static Path tmp;
    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static String[] es(String... first) {
        List<String> all = new ArrayList<>(List.of("es"));
        all.addAll(List.of(first));
        all.addAll(TINY);
        return all.toArray(String[]::new);
    }

    static void assertBadInput(Console c, String mentions) {
        assertEquals(ExitCodes.BAD_INPUT, c.exitCode(), c.stderr());
        assertTrue(c.errorLine().contains(mentions), c.stderr());
    }

    @Test
    void aMasterThatDoesNotParseIsRefusedBeforeAnythingStarts() {
        Path out = tmp.resolve("master");
        for (String[] args : List.of(es("--out", out.toString(), "--master", "lcoal[2]"),
                new String[] {"generate", "--spec", "x.yaml", "--out", out.toString(), "--master", "local[two]"},
                new String[] {"dataset", "inspect", out.toString(), "--master", "spark://nohost"})) {
            assertBadInput(Console.run(args), "not a Spark master");
        }
        assertTrue(Files.notExists(out) && Files.notExists(tmp.resolve(".master.inprogress")), "nothing written");
    }

    @Test
    void aTruncatedRunJsonIsNamedInOneLine() throws Exception {
        Path staging = Files.createDirectories(tmp.resolve(".truncated.inprogress"));
        Files.writeString(staging.resolve("run.json"), "{\n  \"config\" : {\n    \"generations\" : 1");
        assertBadInput(Console.run("es", "--resume", tmp.resolve("truncated").toString()), "run.json");
    }

    @Test
    void anUnwritableOutputLocationIsTheUsersToFix() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        assertBadInput(Console.run(es("--out", file.resolve("run").toString())), "a-file");
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), """
                seed: 1
                samples_per_label: 1
                grid: {min_side: 32, max_side: 32}
                labels:
                  random: {family: bernoulli}
                """);
        assertBadInput(Console.run("generate", "--spec", spec.toString(), "--out", file.resolve("ds").toString()), "a-file");
        assertEquals("not a directory", Files.readString(file));
    }

    /** A 1 MB file system, nearly full: needs root and mount (skipped elsewhere; docs/RELIABILITY.md says so). */
    @Test
    void aFullDiskIsOneLineAndTheRunResumesOnceThereIsSpace() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("tiny-fs"));
        Assumptions.assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
                .inheritIO().start().waitFor() == 0, "cannot mount a tmpfs here");
        try {
            Path filler = mount.resolve("filler");
            byte[] block = new byte[4096];
            try (var out = Files.newOutputStream(filler)) {
                for (long written = 0; written < 1024 * 1024 - 48 * 1024; written += block.length) {
                    out.write(block);
                }
            }
            Path run = mount.resolve("run");
            Console full = Console.run(es("--out", run.toString()));
            assertBadInput(full, "no space left on device");
            assertTrue(full.errorLine().contains("--resume " + run), full.stderr());
            assertFalse(Files.exists(run.resolve("run.json")), "no finished run on a full disk");

            Files.delete(filler);
            Console resumed = Console.run(es("--resume", run.toString()));
            assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.stderr());
            assertTrue(Files.exists(run.resolve("run.json")));
        } finally {
            // lazy: a Parquet writer that failed with ENOSPC inside Spark may still hold its file open
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void sigtermLeavesAResumableRunAndSaysSo() throws Exception {
        Path run = tmp.resolve("term");
        Path staging = tmp.resolve(".term.inprogress");
        Path log = tmp.resolve("term.log");
        List<String> args = new ArrayList<>(List.of("es", "--master", "local[1]", "--out", run.toString()));
        args.addAll(List.of("--generations", "500", "--population", "6", "--replicates", "10", "--steps", "400"));
        Process driver = MainJvm.start(log, args);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!Checkpoint.exists(staging) && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(driver.isAlive() && Checkpoint.exists(staging), Files.readString(log));
            driver.destroy(); // SIGTERM
            assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "the driver did not stop on SIGTERM");
        } finally {
            driver.destroyForcibly().waitFor();
        }
        assertEquals(143, driver.exitValue());
        String printed = Files.readString(log);
        List<String> notes = printed.lines().filter(l -> l.startsWith("morphospark:")).toList();
        assertEquals(1, notes.size(), printed);
        assertTrue(notes.get(0).startsWith("morphospark: interrupted") && notes.get(0).contains("--resume " + run), printed);
        assertFalse(printed.contains("Exception"), printed);
        // resumable: the checkpoint reads and the lock is free at once
        RunDirectory resumed = RunDirectory.resume(run);
        assertTrue(Checkpoint.exists(resumed.staging()));
        DirectoryLock.releaseAll();
    }

    @Test
    void badBenchArgumentsAreOneLine() {
        assertBadInput(Console.run("bench", "fanout", "--generations", "1"), "--generations");
        assertBadInput(Console.run("bench", "kernel", "--seconds", "0"), "--seconds");
        assertBadInput(Console.run("bench", "nca", "--engines", "warp"), "warp");
        assertBadInput(Console.run("bench", "optimizers", "--only", "simplex"), "simplex");
    }

    @Test
    void aMissingOutIsTheSameUsageErrorInEveryCommand() throws Exception {
        Path spec = Files.writeString(tmp.resolve("out-spec.yaml"), """
                seed: 1
                samples_per_label: 1
                grid: {min_side: 32, max_side: 32}
                labels:
                  random: {family: bernoulli}
                """);
        for (String[] args : List.of(new String[] {"es", "--generations", "2"},
                new String[] {"generate", "--spec", spec.toString()},
                new String[] {"nca", "train", "--epochs", "1"})) {
            Console c = Console.run(args);
            assertEquals(ExitCodes.USAGE, c.exitCode(), String.join(" ", args) + ": " + c.stderr());
            assertTrue(c.stderr().contains("--out"), c.stderr());
        }
    }

    @Test
    void theHiddenStagingDirectoryResumesItsRun() throws Exception {
        Path finished = tmp.resolve("finished");
        assertEquals(ExitCodes.OK, Console.run(es("--out", finished.toString())).exitCode());
        Path staging = Files.createDirectories(tmp.resolve(".interrupted.inprogress"));
        Files.copy(finished.resolve("run.json"), staging.resolve("run.json"));
        Console c = Console.run("es", "--resume", staging.toString());
        assertEquals(ExitCodes.OK, c.exitCode(), c.stderr());
        assertTrue(Files.exists(tmp.resolve("interrupted").resolve("run.json")), "the run X of .X.inprogress finished");
        assertTrue(Files.notExists(staging));
    }

    @Test
    void helpShowsDefaultsAndDescribesEveryOption() {
        Console bench = Console.run("bench", "nca", "--help");
        assertTrue(bench.stdout().contains("Default: 64"), bench.stdout());
        Console gallery = Console.run("dataset", "gallery", "--help");
        assertTrue(gallery.stdout().contains("DIR/plots/film.png") && gallery.stdout().contains("NAME-film.png"),
                gallery.stdout());
        List<String> undescribed = new ArrayList<>();
        describe(new CommandLine(new Main()), undescribed);
        assertEquals(List.of(), undescribed, "options without a description");
    }

    /** Every option and positional parameter of main, dataset and bench and their sub-commands. */
    private static void describe(CommandLine cli, List<String> undescribed) {
        String name = cli.getCommandSpec().qualifiedName();
        boolean owned = name.equals("morphospark") || name.startsWith("morphospark dataset")
                || name.startsWith("morphospark bench");
        if (owned) {
            for (var arg : cli.getCommandSpec().args()) {
                if (arg.description().length == 0 || arg.description()[0].isBlank()) {
                    undescribed.add(name + " " + (arg instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                            : arg.paramLabel()));
                }
            }
        }
        cli.getSubcommands().values().forEach(sub -> describe(sub, undescribed));
    }

    @Test
    void verboseBringsSparksLogBackOnAnyCommand() {
        try {
            Console c = Console.run("dataset", "verify", tmp.resolve("none").toString(), "--verbose");
            assertEquals(ExitCodes.BAD_INPUT, c.exitCode(), c.stderr());
            assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
        } finally {
            Configurator.setRootLevel(Level.ERROR);
        }
    }
}
