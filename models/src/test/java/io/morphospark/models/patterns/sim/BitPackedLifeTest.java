package io.morphospark.models.patterns.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BitPackedLifeTest {
    /** The south-east glider: .#. / ..# / ### */
    private static byte[] glider(int w, int h, int x0, int y0) {
        byte[] g = new byte[w * h];
        int[][] live = {{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}};
        for (int[] c : live) {
            g[(y0 + c[1]) % h * w + (x0 + c[0]) % w] = 1;
        }
        return g;
    }

    @ParameterizedTest
    @CsvSource({"TORUS, 16, 16, 3, 3", "DEAD, 16, 16, 3, 3", "TORUS, 70, 9, 66, 6", "DEAD, 130, 20, 62, 5", "TORUS, 64, 64, 62, 62"})
    void gliderMovesByOneOneEveryFourGenerations(LifeBorder border, int w, int h, int x0, int y0) {
        BitPackedLife life = BitPackedLife.of(glider(w, h, x0, y0), w, h, border);
        life.step(4);
        assertArrayEquals(glider(w, h, x0 + 1, y0 + 1), life.toCells());
        life.step(4);
        assertArrayEquals(glider(w, h, x0 + 2, y0 + 2), life.toCells());
    }

    @ParameterizedTest
    @CsvSource({"TORUS, 16, 16", "DEAD, 16, 16"})
    void gliderOnTheTorusWrapsAroundBothEdges(LifeBorder border, int w, int h) {
        BitPackedLife life = BitPackedLife.of(glider(w, h, 0, 0), w, h, border);
        life.step(4 * w);
        if (border == LifeBorder.TORUS) {
            assertArrayEquals(glider(w, h, 0, 0), life.toCells(), "after w·4 generations the glider is home");
        } else {
            // Into the dead corner it becomes a block: 4 cells that never change.
            assertEquals(4, life.population());
        }
    }

    @ParameterizedTest
    @CsvSource({"TORUS, 64, 64", "DEAD, 64, 64", "TORUS, 100, 37", "DEAD, 100, 37", "TORUS, 20, 23", "DEAD, 129, 5"})
    void randomSoupsMatchTheNaiveRuleFor1000Generations(LifeBorder border, int w, int h) {
        SplittableRandom rng = new SplittableRandom(w * 31L + h);
        byte[] cells = new byte[w * h];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) (rng.nextDouble() < 0.37 ? 1 : 0);
        }
        BitPackedLife life = BitPackedLife.of(cells, w, h, border);
        for (int g = 1; g <= 1000; g++) {
            cells = NaiveLife.step(cells, w, h, border);
            life.step();
            if (g % 50 == 0 || g < 10) {
                assertArrayEquals(cells, life.toCells(), "generation " + g);
            }
        }
        assertArrayEquals(cells, life.toCells());
    }

    @ParameterizedTest
    @EnumSource(LifeBorder.class)
    void blinkerOscillatesWithPeriodTwo(LifeBorder border) {
        int w = 5;
        byte[] cells = new byte[25];
        cells[2 * w + 1] = cells[2 * w + 2] = cells[2 * w + 3] = 1;
        BitPackedLife life = BitPackedLife.of(cells, w, 5, border);
        life.step();
        byte[] vertical = new byte[25];
        vertical[w + 2] = vertical[2 * w + 2] = vertical[3 * w + 2] = 1;
        assertArrayEquals(vertical, life.toCells());
        life.step();
        assertArrayEquals(cells, life.toCells());
    }
}
