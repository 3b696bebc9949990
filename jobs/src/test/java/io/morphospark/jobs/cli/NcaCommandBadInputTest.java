package io.morphospark.jobs.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to nca: one line, exit code 2, nothing written, no Spark started. */
class NcaCommandBadInputTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private void assertBadInput(String expectedFragment, String... args) {
        err.reset();
        Path out = tmp.resolve("run");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        int code = Main.execute(all.toArray(String[]::new));
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertEquals(ExitCodes.BAD_INPUT, code, message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("morphospark: error: "), message);
        assertTrue(message.contains(expectedFragment), message);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void trainRejectsBadTargetsAndSettings() throws Exception {
        Path rgb = tmp.resolve("rgb.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", rgb.toFile());
        Path junk = Files.writeString(tmp.resolve("junk.png"), "not an image");
        assertBadInput("rgb.png", "nca", "train", "--target", rgb.toString());
        assertBadInput("junk.png", "nca", "train", "--target", junk.toString());
        assertBadInput("missing.png", "nca", "train", "--target", tmp.resolve("missing.png").toString());
        assertBadInput("smaller than the pattern", "nca", "train", "--disc-size", "16", "--size", "8");
        assertBadInput("fire rate", "nca", "train", "--fire-rate", "-0.5");
        assertBadInput("learning rate", "nca", "train", "--lr", "-1");
        assertBadInput("epochs must be at least 1", "nca", "train", "--epochs", "0");
        assertBadInput("unknown NCA engine", "nca", "train", "--engine", "gpu");
        assertBadInput("gradient mode must be clip or normalise", "nca", "train", "--gradient", "adam");
        assertBadInput("learning-rate drop epoch", "nca", "train", "--lr-drop", "-5");
        assertBadInput("seed cell must be alpha or alpha-hidden", "nca", "train", "--seed-cell", "rgb");
        assertBadInput("reseed must be after or before", "nca", "train", "--reseed", "never");
        assertBadInput("validation interval", "nca", "train", "--validate-every", "-1");
        assertBadInput("growths >= 1", "nca", "train", "--validation-growths", "0");
        assertBadInput("--regeneration damages the batch's 1 best sample(s) and turns its worst into a seed, so it needs "
                + "--batch of at least 2, got 1", "nca", "train", "--regeneration", "--batch", "1");
        assertBadInput("checkpoint interval must be at least 1", "nca", "train", "--checkpoint-every", "0");
        assertBadInput("checkpoint interval must be at least 1", "nca", "train-advection", "--checkpoint-every", "0");
    }

    @Test
    void trainAcceptsABatchOfOneWithoutRegeneration() {
        io.morphospark.jobs.nca.NcaSettings s = new io.morphospark.jobs.nca.NcaSettings();
        s.batch = 1;
        s.validate(); // the damage check applies to regeneration only
    }

    @Test
    void playbackRejectsMissingModelsAndBadRates() {
        assertBadInput("holds no NCA model", "nca", "grow", "--model", tmp.toString());
        assertBadInput("holds no NCA model", "nca", "regenerate", "--model", tmp.toString());
        assertBadInput("fire rate", "nca", "grow", "--model", tmp.toString(), "--fire-rate", "-1");
    }
}
