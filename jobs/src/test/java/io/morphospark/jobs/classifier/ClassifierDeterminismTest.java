package io.morphospark.jobs.classifier;

import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Same seed, same data: identical weights, updater state and metrics on local[1] and local[2]
 * (each run makes and stops its own session, as the CLI does).
 */
class ClassifierDeterminismTest {
    @TempDir
    static Path tmp;

    @Test
    void sameWeightsAndMetricsOnOneAndTwoCores() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, ClassifierTrainTest.spec(ClassifierTrainTest.TWO_LABELS));
        Path dataset = tmp.resolve("dataset");
        assertEquals(ExitCodes.OK, Main.execute("generate", "--spec", spec.toString(), "--out", dataset.toString(),
                "--master", "local[2]"));
        Path[] runs = {tmp.resolve("one-core"), tmp.resolve("two-cores")};
        String[] masters = {"local[1]", "local[2]"};
        for (int i = 0; i < 2; i++) {
            assertEquals(ExitCodes.OK, Main.execute("classifier", "train", "--dataset", dataset.toString(), "--out",
                    runs[i].toString(), "--epochs", "2", "--batch", "8", "--seed", "7", "--master", masters[i]));
        }
        var a = ModelSerializer.restoreMultiLayerNetwork(runs[0].resolve("model/classifier.zip").toFile(), true);
        var b = ModelSerializer.restoreMultiLayerNetwork(runs[1].resolve("model/classifier.zip").toFile(), true);
        assertEquals(a.params(), b.params());
        assertEquals(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray());
        var sa = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs[0].resolve("summary.json").toFile());
        var sb = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs[1].resolve("summary.json").toFile());
        for (String f : new String[] {"best_epoch", "best_validation_accuracy", "test_accuracy", "train_samples"}) {
            assertEquals(sa.get(f), sb.get(f), f);
        }
    }
}
