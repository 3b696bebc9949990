package io.morphospark.models.random;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RandomStreamsTest {
    @Test
    void aStreamIsAPureFunctionOfItsKey() {
        assertEquals(RandomStreams.stream(42, Purpose.SIMULATION, 3, 7, 11).nextLong(),
                RandomStreams.stream(42, Purpose.SIMULATION, 3, 7, 11).nextLong());
    }

    @Test
    void neighbouringKeysGiveDistinctStreams() {
        Set<Long> keys = new HashSet<>();
        for (int g = 0; g < 20; g++) {
            for (int c = 0; c < 20; c++) {
                for (int r = 0; r < 20; r++) {
                    keys.add(RandomStreams.key(42, Purpose.SIMULATION, g, c, r));
                }
            }
        }
        assertEquals(8000, keys.size());
        assertNotEquals(RandomStreams.key(1, Purpose.SIMULATION, 1, 2), RandomStreams.key(1, Purpose.SIMULATION, 2, 1));
        assertNotEquals(RandomStreams.key(1, Purpose.SIMULATION, 1), RandomStreams.key(1, Purpose.MUTATION, 1));
    }
}
