package io.morphospark.jobs.classifier;

import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.testing.MainJvm;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Same seed, same data, two fresh JVMs (one on local[1], one on local[2]): identical weights,
 * updater state, metrics and model file bytes. A single-JVM test cannot catch randomness that depends on what ran
 * before in the JVM (ND4J's global generator, hash order of identity-hashed objects); this one can.
 * The seed CNN is trained, so dropout masks are drawn too.
 */
class ClassifierCrossJvmDeterminismTest {
    @TempDir
    static Path tmp;

    @Test
    void sameWeightsAndMetricsInTwoJvms() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, ClassifierTrainTest.spec(ClassifierTrainTest.TWO_LABELS));
        Path dataset = tmp.resolve("dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", dataset.toString(),
                "--master", "local[2]"));
        Path[] runs = {tmp.resolve("jvm-one-core"), tmp.resolve("jvm-two-cores")};
        Process[] jvms = new Process[2];
        for (int i = 0; i < 2; i++) {
            jvms[i] = MainJvm.start(tmp.resolve("train-" + i + ".log"), List.of("classifier", "train", "--dataset",
                    dataset.toString(), "--out", runs[i].toString(), "--model", "seed-cnn", "--epochs", "2", "--batch", "8",
                    "--seed", "7", "--master", "local[" + (i + 1) + "]"));
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(jvms[i].waitFor(5, TimeUnit.MINUTES), "training JVM " + i + " did not finish");
            assertEquals(ExitCodes.OK, jvms[i].exitValue(), () -> log(tmp.resolve("train-0.log")) + log(tmp.resolve("train-1.log")));
        }
        // the model file itself, byte for byte (a checksum is how a user compares two runs)
        assertArrayEquals(Files.readAllBytes(runs[0].resolve("model/classifier.zip")),
                Files.readAllBytes(runs[1].resolve("model/classifier.zip")));
        // two runs can finish within the zip format's 2 s clock resolution, so the fixed time is checked directly too
        try (var zip = new java.util.zip.ZipFile(runs[0].resolve("model/classifier.zip").toFile())) {
            assertTrue(zip.size() > 0);
            zip.stream().forEach(e -> assertEquals(ClassifierTrainJob.ZIP_ENTRY_TIME, e.getTimeLocal(), e.getName()));
        }
        var a = ModelSerializer.restoreMultiLayerNetwork(runs[0].resolve("model/classifier.zip").toFile(), true);
        var b = ModelSerializer.restoreMultiLayerNetwork(runs[1].resolve("model/classifier.zip").toFile(), true);
        assertEquals(a.params(), b.params());
        assertEquals(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var sa = mapper.readTree(runs[0].resolve("summary.json").toFile());
        var sb = mapper.readTree(runs[1].resolve("summary.json").toFile());
        for (String f : new String[] {"best_epoch", "best_validation_accuracy", "test_accuracy", "train_samples"}) {
            assertEquals(sa.get(f), sb.get(f), f);
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no log " + file + ")";
        }
    }
}
