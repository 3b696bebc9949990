package io.morphospark.models.discovery;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchiveTest {
    @Test
    void gridCellsInsertionsAndQdMeasures() {
        GridLayout grid = new GridLayout(new int[] {4, 5});
        assertEquals(20, grid.cells());
        assertEquals(0, grid.cellOf(new double[] {0, 0}));
        assertEquals(19, grid.cellOf(new double[] {1, 1}));
        assertEquals(1 * 5 + 2, grid.cellOf(new double[] {0.3, 0.5}));
        assertArrayEquals(new double[] {0.375, 0.5}, grid.centre(7), 1e-12);

        Archive a = new Archive(grid);
        double[] g = new double[Genome.DIMENSION];
        assertEquals(Archive.Status.NEW, a.insert(g, 0.5, new double[] {0.3, 0.5}, 0, 0).status());
        assertEquals(Archive.Status.NOT_ADDED, a.insert(g, 0.4, new double[] {0.3, 0.5}, 0, 1).status());
        Archive.Insertion up = a.insert(g, 0.7, new double[] {0.3, 0.55}, 0, 2);
        assertEquals(Archive.Status.IMPROVED, up.status());
        assertEquals(0.2, up.value(), 1e-12);
        assertEquals(Archive.Status.NOT_ADDED, a.insert(g, Double.NEGATIVE_INFINITY, new double[] {0.9, 0.9}, 0, 3).status());
        assertEquals(Archive.Status.NEW, a.insert(g, 0.1, new double[] {0.9, 0.9}, 0, 4).status());
        assertEquals(2, a.size());
        assertEquals(0.1, a.coverage(), 1e-12);
        assertEquals(0.8 - 2 * Archive.QD_OFFSET, a.qdScore(), 1e-12);
        assertEquals(0.7, a.bestObjective(), 1e-12);
        assertEquals(2, a.elite(7).candidate());
    }

    @Test
    void aGridWithNoCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GridLayout(new int[] {0, 10}));
        assertThrows(IllegalArgumentException.class, () -> CvtLayout.of(0, 2, 1));
    }

    @Test
    void cvtCellsAreReproducibleAndEachCentroidOwnsItsCell() {
        CvtLayout a = CvtLayout.of(30, 2, 42);
        CvtLayout b = CvtLayout.of(30, 2, 42);
        for (int k = 0; k < 30; k++) {
            assertArrayEquals(a.centre(k), b.centre(k));
            assertEquals(k, a.cellOf(a.centre(k)));
        }
    }
}
