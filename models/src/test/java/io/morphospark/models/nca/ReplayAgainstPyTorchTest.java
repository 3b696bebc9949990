package io.morphospark.models.nca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole training recipe against PyTorch: {@code docs/calibration/replay_trace.py} ran the seed
 * notebook's recipe (its model, loss, pool write-back, worst-sample reseeding, norm clipping and
 * torch.optim.Adam) for 12 epochs on a 16×16 disc and recorded its initial weights, every random
 * choice, and the losses, gradient norms and final weights that followed, once with the seed's
 * clipping and once with Distill's per-variable normalisation. Replaying those choices through
 * {@link NcaTrainer} must give the same numbers, on both engines: a difference in any part
 * of the recipe (perception, masks, clamped loss, BPTT, clipping, Adam's ε or bias correction,
 * pool bookkeeping) would show here as a diverging loss.
 */
class ReplayAgainstPyTorchTest {
    static Stream<Arguments> traces() {
        return Stream.of(Arguments.of("seed-recipe-trace.json", NcaEngine.Kind.FUSED),
                Arguments.of("seed-recipe-trace.json", NcaEngine.Kind.MATMUL),
                Arguments.of("seed-recipe-trace-normalise.json", NcaEngine.Kind.FUSED));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void trainingReplaysPyTorchNumberForNumber(String trace, NcaEngine.Kind engine) {
        JsonNode recorded = read("/calibration/" + trace);
        TrainingRecipe.GradientMode mode = TrainingRecipe.GradientMode.parse(recorded.path("gradient").asText());
        int size = recorded.path("size").asInt();
        NcaConfig config = NcaConfig.SEED.withSeedCell(NcaConfig.SeedCell.parse(recorded.path("seed_cell").asText()));
        JsonNode initial = recorded.path("initial");
        NcaParameters p = NcaParameters.of(config, doubles(initial.path("w1")), doubles(initial.path("b1")),
                new double[config.hidden() * config.channels()], new double[config.channels()], DataType.FLOAT);
        TrainingRecipe recipe = new TrainingRecipe(recorded.path("pool").asInt(), recorded.path("batch").asInt(),
                recorded.path("min_steps").asInt(), recorded.path("max_steps").asInt(), recorded.path("learning_rate").asDouble(),
                recorded.path("clip_norm").asDouble(), mode, 0,
                recorded.path("fire_rate").asDouble(), false, 1);
        NcaTrainer trainer = new NcaTrainer(p, Target.disc(size), recipe, engine, new RecordedDraws(recorded.path("epochs")));

        int clipped = 0;
        for (int e = 0; e < recorded.path("epochs").size(); e++) {
            JsonNode expected = recorded.path("epochs").get(e);
            NcaTrainer.EpochResult r = trainer.epoch(e);
            assertEquals(expected.path("loss").asDouble(), r.loss(), 1e-6, "loss at epoch " + e);
            assertEquals(expected.path("gradient_norm").asDouble(), r.gradientNorm(),
                    1e-5 * expected.path("gradient_norm").asDouble(), "gradient norm at epoch " + e);
            clipped += r.gradientNorm() > recipe.clipNorm() ? 1 : 0;
        }
        if (mode == TrainingRecipe.GradientMode.CLIP) {
            assertTrue(clipped >= 3, "the trace exercises clipping: " + clipped + " clipped epochs");
        }

        JsonNode last = recorded.path("final");
        for (String name : NcaParameters.NAMES) {
            double[] want = doubles(last.path(name));
            double[] got = trainer.parameters().values(name);
            assertEquals(want.length, got.length, name);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-6, name + "[" + i + "] after training");
            }
        }
    }

    /** The recorded choices: batches, step counts and fire masks (hex, 4 cells per digit, high bit first). */
    private record RecordedDraws(JsonNode epochs) implements TrainingDraws {
        @Override
        public Epoch epoch(int epoch, int poolSize, TrainingRecipe recipe) {
            JsonNode e = epochs.get(epoch);
            int[] batch = new int[e.path("batch").size()];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = e.path("batch").get(i).asInt();
            }
            return new Epoch(batch, e.path("steps").asInt());
        }

        @Override
        public FireMask fireMask() {
            return (batch, height, width, run, step) -> {
                String hex = epochs.get((int) run).path("fire").get(step).asText();
                float[] m = new float[batch * height * width];
                assertEquals(m.length, hex.length() * 4, "mask size of epoch " + run + " step " + step);
                for (int i = 0; i < m.length; i++) {
                    int digit = Character.digit(hex.charAt(i / 4), 16);
                    m[i] = (digit >> (3 - i % 4) & 1) == 1 ? 1f : 0f;
                }
                return m;
            };
        }

        @Override
        public SplittableRandom damage(int epoch) {
            throw new UnsupportedOperationException("the trace has no regeneration damage");
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ReplayAgainstPyTorchTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
