package io.morphospark.datasets.dataset;

import io.morphospark.models.patterns.Frame;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest {
    private final SplittableRandom rng = new SplittableRandom(3);

    private static float[] decode(Object[] c) {
        return FrameCodec.decode((boolean[]) c[0], (byte[]) c[1], (short[]) c[2],
                c[3] == null ? 0 : (Double) c[3], c[4] == null ? 1 : (Double) c[4]);
    }

    @Test
    void binaryFramesAreStoredAsBitsExactly() {
        byte[] cells = new byte[40 * 36];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) rng.nextInt(2);
        }
        Frame f = Frame.discrete(40, 36, 2, cells);
        Object[] c = FrameCodec.encode(f);
        assertNotNull(c[0]);
        assertNull(c[1]);
        assertNull(c[2]);
        assertArrayEquals(f.values(), decode(c));
    }

    @Test
    void fewValuedFramesAreStoredAsStatesExactly() {
        byte[] cells = new byte[32 * 32];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) rng.nextInt(11);
        }
        Frame f = Frame.cyclic(32, 32, 11, cells);
        Object[] c = FrameCodec.encode(f);
        assertNotNull(c[1]);
        assertArrayEquals(f.values(), decode(c));
    }

    @Test
    void continuousFramesAreQuantisedWithinRangeOver65535() {
        float[] v = new float[32 * 32];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.2 + 0.5 * rng.nextDouble());
        }
        Frame f = Frame.continuous(32, 32, v);
        Object[] c = FrameCodec.encode(f);
        assertNotNull(c[2]);
        float[] back = decode(c);
        double worst = 0;
        for (int i = 0; i < v.length; i++) {
            worst = Math.max(worst, Math.abs(back[i] - v[i]));
        }
        assertTrue(worst <= 0.5 / 65535 + 1e-6, "max error " + worst);
        // a constant field survives too
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f},
                decode(FrameCodec.encode(Frame.continuous(4, 4, new float[] {0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f,
                        0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f}))), 1e-7f);
    }
}
