package io.morphospark.models.nca.advection;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormationsTest {
    @Test
    void seedFormationsHoldExactly200CellsOfDensityOneAtAnyRotation() {
        for (Formation f : Formation.values()) {
            for (double angle : new double[] {0, 30, -30, 17.3}) {
                double[] m = Formations.render(f, 128, 128, 200, 1, angle);
                assertEquals(200, Arrays.stream(m).filter(v -> v > 0).count(), f + " at " + angle);
                assertEquals(200.0, Transport.total(m), 1e-9);
                assertTrue(Arrays.stream(m).allMatch(v -> v == 0 || v == 1), "density 1");
            }
        }
    }

    @Test
    void unrotatedShapesAreTheSeedsShapes() {
        int n = 128;
        double[] line = Formations.render(Formation.LINE, n, n, 200, 1, 0);
        int[] box = boundingBox(line, n);
        assertEquals(2, box[1] - box[0] + 1, "line is 2 thick");
        assertEquals(100, box[3] - box[2] + 1, "and 100 long");
        double[] square = Formations.render(Formation.SQUARE, n, n, 200, 1, 0);
        int[] sq = boundingBox(square, n);
        assertEquals(27, sq[1] - sq[0] + 1, "8s - 16 = 200: side 27");
        assertEquals(27, sq[3] - sq[2] + 1);
        int c = (sq[0] + sq[1]) / 2;
        assertEquals(0.0, square[c * n + c], "hollow");
        double[] wedge = Formations.render(Formation.WEDGE, n, n, 200, 1, 0);
        int[] wb = boundingBox(wedge, n);
        assertTrue(wb[3] - wb[2] + 1 >= 19 && wb[3] - wb[2] + 1 <= 21, "wedge about sqrt(400) = 20 long");
    }

    @Test
    void nonIntegerCellCountsStillHoldTheExactMass() {
        double[] m = Formations.render(Formation.WEDGE, 40, 40, 37.3, 1, 12);
        assertEquals(37.3, Transport.total(m), 1e-12);
        assertEquals(37, Arrays.stream(m).filter(v -> v > 0).count());
    }

    @Test
    void aFormationThatDoesNotFitIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Arena(48, 48, 200, 1, 30));
        assertTrue(e.getMessage().contains("LINE") && e.getMessage().contains("48x48"), e.getMessage());
        assertEquals(120.0, Transport.total(Formations.render(Formation.LINE, 24, 64, 120, 1, 0)), 1e-9, "fits unrotated");
        IllegalArgumentException rotated = assertThrows(IllegalArgumentException.class,
                () -> Formations.render(Formation.LINE, 24, 64, 120, 1, 30));
        assertTrue(rotated.getMessage().contains("LINE"), rotated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Arena(64, 64, 0, 1, 30));
        assertThrows(IllegalArgumentException.class, () -> new Arena(64, 64, -5, 1, 30));
    }

    @Test
    void goalSignalPointsUphillTowardTheTarget() {
        int n = 32;
        double[] target = Formations.render(Formation.SQUARE, n, n, 40, 1, 0);
        double[] goal = GoalSignal.of(target, n, n);
        // left of the square's left wall, the target velocity points right (+x); below it, up (−y)
        int row = n / 2;
        int[] sq = boundingBox(target, n);
        int left = (row * n + sq[2] - 2) * Channels.GOAL;
        assertTrue(goal[left + Channels.GOAL_VX] > 0.9, "points right: " + goal[left + Channels.GOAL_VX]);
        int below = ((sq[1] + 2) * n + n / 2) * Channels.GOAL;
        assertTrue(goal[below + Channels.GOAL_VY] < -0.9, "points up: " + goal[below + Channels.GOAL_VY]);
        double maxProximity = 0;
        for (int i = 0; i < n * n; i++) {
            double vx = goal[i * 4 + 1];
            double vy = goal[i * 4 + 2];
            double norm = Math.hypot(vx, vy);
            assertTrue(norm <= 1 + 1e-12, "normalised");
            maxProximity = Math.max(maxProximity, goal[i * 4 + 3]);
            assertEquals(target[i], goal[i * 4], 0.0);
        }
        assertEquals(1.0, maxProximity, 1e-6);
    }

    @Test
    void poolSamplesAllHoldTheArenaMassAndReplayFromTheSeed() {
        Arena arena = new Arena(40, 40, 50, 1, 30);
        AdvectionPool a = AdvectionPool.create(arena, 16, 9);
        AdvectionPool b = AdvectionPool.create(arena, 16, 9);
        int[] perKind = new int[4];
        for (int i = 0; i < a.size(); i++) {
            double[] m = Formations.mass(a.state(i));
            assertEquals(50.0, Transport.total(m), 1e-9, a.kind(i) + " sample " + i);
            assertEquals(50, Arrays.stream(m).filter(v -> v > 0).count(), "exactly 50 cells of density 1");
            assertTrue(Arrays.equals(a.state(i), b.state(i)), "a pure function of the seed");
            perKind[a.kind(i).ordinal()]++;
        }
        assertTrue(Arrays.stream(perKind).allMatch(k -> k == 4), Arrays.toString(perKind));
        assertTrue(!Arrays.equals(a.state(4), Formations.state(arena.render(Formation.values()[1], 0))),
                "noisy formations differ from clean ones");
    }

    @Test
    void heavyNoiseKeepsTheCellCountExactly() {
        double[] clean = Formations.render(Formation.SQUARE, 48, 48, 60, 1, 0);
        for (int s = 0; s < 20; s++) {
            double[] noisy = FormationNoise.apply(clean, 48, 48, 0.7, new SplittableRandom(s));
            assertEquals(60, Arrays.stream(noisy).filter(v -> v > 0).count(), "seed " + s);
        }
    }

    @Test
    void gaussianBlobHasExactlyMassCells() {
        double[] blob = GaussianBlob.sample(40, 40, 50, 1, 5, 8, new SplittableRandom(4));
        assertEquals(50, Arrays.stream(blob).filter(v -> v > 0).count());
        assertEquals(50.0, Transport.total(blob), 1e-12);
    }

    /** {row min, row max, column min, column max} of the occupied cells. */
    private static int[] boundingBox(double[] m, int n) {
        int[] b = {n, -1, n, -1};
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                b[0] = Math.min(b[0], i / n);
                b[1] = Math.max(b[1], i / n);
                b[2] = Math.min(b[2], i % n);
                b[3] = Math.max(b[3], i % n);
            }
        }
        return b;
    }
}
