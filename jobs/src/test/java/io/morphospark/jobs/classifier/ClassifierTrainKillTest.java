package io.morphospark.jobs.classifier;

import io.morphospark.datasets.run.Checkpoint;
import io.morphospark.datasets.run.FileChecksums;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code classifier train} in a child JVM killed with SIGKILL (no shutdown hooks) during an epoch,
 * and after its last epoch's checkpoint while it writes its results (before the commit), then
 * resumed with {@code --resume}: the model file is byte-identical to an uninterrupted run's and so
 * are the epoch metrics. And {@code --trials} killed after its first trial committed: the resume
 * keeps that trial as it was (not trained again) and ends with the uninterrupted run's trials table and model.
 */
class ClassifierTrainKillTest {
    static final int EPOCHS = 4;
    @TempDir
    static Path tmp;
    static Path dataset;
    static Path uninterrupted;
    static SparkSession spark;

    /** The run's options, with {@code more} in front (an option given there replaces the same one of the defaults). */
    static List<String> train(Path out, String... more) {
        List<String> defaults = List.of("--dataset", dataset.toString(), "--out", out.toString(), "--epochs",
                String.valueOf(EPOCHS), "--patience", "10", "--batch", "8", "--seed", "3", "--master", "local[1]");
        List<String> args = new ArrayList<>(List.of("classifier", "train"));
        args.addAll(List.of(more));
        for (int i = 0; i < defaults.size(); i += 2) {
            if (!args.contains(defaults.get(i))) {
                args.addAll(defaults.subList(i, i + 2));
            }
        }
        return args;
    }

    @BeforeAll
    static void runUninterrupted() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, ClassifierTrainTest.spec(ClassifierTrainTest.TWO_LABELS));
        dataset = tmp.resolve("dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", dataset.toString(),
                "--master", "local[2]"));
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        uninterrupted = tmp.resolve("uninterrupted");
        assertEquals(ExitCodes.OK, Main.execute(train(uninterrupted).toArray(String[]::new)));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void killedDuringAnEpochThenResumedGivesTheSameModel() throws Exception {
        killResumeAndCompare("during-epoch", done -> done >= 1 && done < EPOCHS);
    }

    @Test
    void killedBetweenTheLastCheckpointAndTheCommitThenResumedGivesTheSameModel() throws Exception {
        killResumeAndCompare("before-commit", done -> done == EPOCHS);
    }

    private interface EpochTest {
        boolean at(int epochsDone);
    }

    private static void killResumeAndCompare(String name, EpochTest when) throws Exception {
        Path run = tmp.resolve(name);
        Path staging = tmp.resolve("." + name + ".inprogress");
        killWhen(name, train(run), () -> Checkpoint.exists(staging)
                && when.at(Checkpoint.read(staging, ClassifierCheckpoint.class).epochsDone()));
        assertFalse(Files.exists(run.resolve("run.json")), "a killed run must not look finished");

        assertEquals(ExitCodes.OK, Main.execute("classifier", "train", "--resume", run.toString()));
        assertFalse(Files.exists(staging));
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("model/classifier.zip")),
                Files.readAllBytes(run.resolve("model/classifier.zip")));
        assertEquals(epochs(uninterrupted), epochs(run));
        assertEquals(EPOCHS, epochs(run).size());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var a = json.readTree(uninterrupted.resolve("summary.json").toFile());
        var b = json.readTree(run.resolve("summary.json").toFile());
        for (String f : new String[] {"best_epoch", "best_validation_accuracy", "test_accuracy", "epochs_run"}) {
            assertEquals(a.get(f), b.get(f), f);
        }
        // checksums.json is written before the commit and lists checkpoint/, which TrainingRun.commit deletes
        // just after it (a known gap of every resumable training); every other listed file must be intact
        String checkpoints = run.resolve("checkpoint").toString();
        assertEquals(List.of(), FileChecksums.verifyRun(run).stream().filter(p -> !p.startsWith(checkpoints)).toList(),
                "the committed run lists its files, all intact");
    }

    @Test
    void trialsKilledAfterTheirFirstCommittedTrialResumeWithoutTrainingItAgain() throws Exception {
        Path whole = tmp.resolve("trials-whole");
        assertEquals(ExitCodes.OK, Main.execute(train(whole, "--trials", "2", "--epochs", "2").toArray(String[]::new)));

        Path run = tmp.resolve("trials-killed");
        Path first = tmp.resolve(".trials-killed.inprogress").resolve(ClassifierTrials.TRIAL_RUNS).resolve(ClassifierTrials.trialName(0));
        Path second = first.resolveSibling(ClassifierTrials.trialName(1));
        // local[1]: the trials run one after the other, so the second is still training when the first commits
        killWhen("trials", train(run, "--trials", "2", "--epochs", "2"), () -> RunDirectory.isFinished(first));
        assertFalse(RunDirectory.isFinished(second), "the second trial finished before the kill");
        byte[] firstModel = Files.readAllBytes(first.resolve("model/classifier.zip"));
        FileTime firstWritten = Files.getLastModifiedTime(first.resolve("run.json"));

        assertEquals(ExitCodes.OK, Main.execute("classifier", "train", "--resume", run.toString()));
        Path kept = run.resolve(ClassifierTrials.TRIAL_RUNS).resolve(ClassifierTrials.trialName(0));
        assertEquals(firstWritten, Files.getLastModifiedTime(kept.resolve("run.json")), "the committed trial was run again");
        assertArrayEquals(firstModel, Files.readAllBytes(kept.resolve("model/classifier.zip")));
        assertEquals(ClassifierTrialsTest.trials(spark, whole), ClassifierTrialsTest.trials(spark, run));
        assertArrayEquals(Files.readAllBytes(whole.resolve("model/classifier.zip")),
                Files.readAllBytes(run.resolve("model/classifier.zip")));
    }

    /** Starts the CLI in a child JVM and SIGKILLs it as soon as {@code condition} holds. */
    private static void killWhen(String name, List<String> args, BooleanSupplier condition) throws Exception {
        Path log = tmp.resolve(name + ".log");
        Process driver = MainJvm.start(log, args);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            boolean reached = false;
            while (!reached && System.nanoTime() < deadline && driver.isAlive()) {
                Thread.sleep(2);
                try {
                    reached = condition.getAsBoolean();
                } catch (RuntimeException e) {
                    reached = false; // a file being renamed under the check
                }
            }
            assertTrue(driver.isAlive(), "the driver finished before it could be killed: " + Files.readString(log));
            assertTrue(reached, "the point to kill at never came: " + Files.readString(log));
        } finally {
            driver.destroyForcibly().waitFor(); // SIGKILL
        }
    }

    private static List<Row> epochs(Path run) {
        return spark.read().parquet(run.resolve("epochs").toString()).orderBy("epoch")
                .select("epoch", "loss", "train_accuracy", "validation_accuracy").collectAsList();
    }
}
