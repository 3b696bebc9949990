package io.morphospark.models.nca.advection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model file's .sdz, loaded back, against the network that training runs (in double). */
class AdvectionNetworkGraphTest {
    private static final int BATCH = 2;
    private static final int H = 6;
    private static final int W = 7;

    @Test
    void savedGraphProposesTheJavaNetworksDeltas(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        Architecture a = new Architecture(6, 5);
        AdvectionParameters p = new AdvectionParameters(a, Fields.uniform(r, a.parameterCount(), -0.5, 0.5));
        AdvectionModelFile.write(dir, new AdvectionModelFile.Model(p, TransportSettings.SEED, 0.5, new Arena(20, 20, 12, 1, 30),
                4), null);
        double[][] states = {Fields.uniform(r, H * W * Channels.COUNT, -1, 1), Fields.uniform(r, H * W * Channels.COUNT, -1, 1)};
        double[][] goals = {Fields.uniform(r, H * W * Channels.GOAL, -1, 1), Fields.uniform(r, H * W * Channels.GOAL, -1, 1)};
        double[] expected = new Mlp(p, DataType.DOUBLE).forward(AdvectionNca.features(states, goals, H, W), BATCH * H * W)
                .output();

        SameDiff sd = SameDiff.fromFlatFile(dir.resolve(AdvectionModelFile.SAMEDIFF).toFile());
        INDArray deltas = sd.outputSingle(Map.of(AdvectionNetworkGraph.STATE, nhwc(states, Channels.COUNT),
                AdvectionNetworkGraph.GOAL, nhwc(goals, Channels.GOAL)), AdvectionNetworkGraph.DELTAS);

        assertArrayEquals(new long[] {BATCH, H, W, Architecture.OUTPUTS}, deltas.shape());
        double[] actual = deltas.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0.1, "the random network proposes non-trivial deltas: " + scale);
        // float32 graph against the double reference: relative to the largest delta, so near-zero outputs do not fail on rounding
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * scale, "output " + i);
        }
    }

    /** Row-major grids, one after the other, as a float [BATCH, H, W, channels] array. */
    private static INDArray nhwc(double[][] grids, int channels) {
        double[] all = new double[BATCH * H * W * channels];
        for (int b = 0; b < BATCH; b++) {
            System.arraycopy(grids[b], 0, all, b * H * W * channels, H * W * channels);
        }
        return Nd4j.create(all, new long[] {BATCH, H, W, channels}, DataType.DOUBLE).castTo(DataType.FLOAT);
    }
}
