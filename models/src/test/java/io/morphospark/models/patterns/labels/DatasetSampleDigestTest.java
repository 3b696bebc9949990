package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.FrameSchedule;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Samples of the simulator-heavy labels are exactly those of the code that generated the seed
 * dataset, so regenerating it gives the same shard checksums. The digests were computed with that
 * code (commit 0189d18, before the Vector API and table-driven kernels) and cover every observed
 * frame's bits, the attempt, symmetry, noise and metrics of three samples per label on grids of
 * 32–48 cells (powers of two and not, as the side is drawn); the new kernels give the same digests
 * with 512-, 256- and 128-bit vectors (checked with -XX:UseAVX=2/1/0).
 */
class DatasetSampleDigestTest {
    private static final Map<PatternLabel, String> DIGESTS_AT_0189D18 = Map.of(
            PatternLabel.CLUSTERED, "954d31a97be419d606c5f850efb32c5edfb45459a4a64b3e392982f119d345a8",
            PatternLabel.SPOTTED, "dcdb5ec69b1307ee26a40c35be4f6cb681fe3146d8d9123ffe1c50b36b568d8a",
            PatternLabel.STRIPED, "f84a0149644ba35fa9d100636173b9572b800a0042e5a6d38fa0bfcb4db27e41");

    @Test
    void samplesAreBitIdenticalToTheCodeThatMadeTheSeedDataset() {
        PatternGenerator generator = new PatternGenerator(2026, 32, 48);
        DIGESTS_AT_0189D18.forEach((label, expected) -> assertEquals(expected, digest(generator, label), label.id()));
    }

    private static String digest(PatternGenerator generator, PatternLabel label) {
        MessageDigest md = sha256();
        for (long id = 0; id < 3; id++) {
            PatternSample s = generator.sample(LabelRegion.of(label), id, null, FrameSchedule.evenly(5), (step, f) -> {
                ByteBuffer b = ByteBuffer.allocate(4 + 4 * f.values().length).putInt(step);
                for (float v : f.values()) {
                    b.putInt(Float.floatToRawIntBits(v));
                }
                md.update(b.array());
            });
            ByteBuffer b = ByteBuffer.allocate(8 * 12);
            b.putLong(s.attempt()).putLong(s.symmetry()).putLong(Double.doubleToRawLongBits(s.noise())).putLong(s.run().width());
            for (double m : s.metrics().toArray()) {
                b.putLong(Double.doubleToRawLongBits(m));
            }
            md.update(b.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
