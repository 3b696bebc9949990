package io.morphospark.models.nca.advection;

import io.morphospark.models.nca.Perception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvectionNcaTest {
    private static final Arena TINY = new Arena(20, 20, 12, 1, 30);

    @Test
    void perceptionIsTheGrowingNcasIdentityAndSobelOverEight() {
        int h = 5;
        int w = 4;
        SplittableRandom r = new SplittableRandom(2);
        double[] state = Fields.uniform(r, h * w * Channels.COUNT, -1, 1);
        double[] goal = Fields.uniform(r, h * w * Channels.GOAL, -1, 1);
        double[] out = new double[h * w * Mlp.INPUT_STRIDE];
        CellPerception.features(state, goal, h, w, out, 0, Mlp.INPUT_STRIDE);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (y * w + x) * Mlp.INPUT_STRIDE;
                for (int c = 0; c < Channels.COUNT; c++) {
                    for (int f = 0; f < 3; f++) {
                        double expected = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = y + dy;
                                int xx = x + dx;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    expected += Perception.kernel(f, dy, dx) * state[(yy * w + xx) * Channels.COUNT + c];
                                }
                            }
                        }
                        assertEquals(expected, out[base + 3 * c + f], 1e-12);
                    }
                }
                for (int k = 0; k < Channels.GOAL; k++) {
                    assertEquals(goal[(y * w + x) * Channels.GOAL + k], out[base + Architecture.PERCEPTION + k]);
                }
                assertEquals(1.0, out[base + Architecture.FEATURES]);
            }
        }
    }

    @Test
    void theNetworkNeverWritesMassSoEveryStepConservesIt() {
        SplittableRandom r = new SplittableRandom(5);
        Architecture a = Architecture.SEED;
        AdvectionNca nca = new AdvectionNca(new AdvectionParameters(a, Fields.uniform(r, a.parameterCount(), -0.5, 0.5)),
                TransportSettings.SEED, 0.5, DataType.FLOAT);
        AdvectionPool pool = AdvectionPool.create(TINY, 4, 1);
        double[][] start = pool.gather(new int[] {0, 1, 2, 3});
        double[] goal = GoalSignal.of(TINY.render(Formation.WEDGE, 10), TINY.height(), TINY.width());
        double[][] goals = {goal, goal, goal, goal};
        double[][] end = new Rollout(nca, TINY.height(), TINY.width(), 3).run(start, goals, 0, 40, null, null);
        for (int b = 0; b < start.length; b++) {
            double before = Transport.total(Formations.mass(start[b]));
            assertEquals(before, Transport.total(Formations.mass(end[b])), 1e-12 * before, "sample " + b);
            assertNotEquals(0.0, velocityNorm(end[b]), "the random network does move things");
        }
    }

    @Test
    void anUntrainedNetworkChangesNothingButMass() {
        AdvectionNca nca = new AdvectionNca(AdvectionParameters.initial(Architecture.SEED, 1),
                new TransportSettings(0.25, 2, 0.08, 1, 0), 0.5, DataType.FLOAT);
        double[] start = Formations.state(TINY.render(Formation.LINE, 0));
        double[] goal = GoalSignal.of(TINY.render(Formation.SQUARE, 0), TINY.height(), TINY.width());
        double[] next = nca.step(new double[][] {start}, new double[][] {goal}, TINY.height(), TINY.width(),
                StepDraws.draw(0, 0, 0, 1, TINY.cells(), 0.5, 0))[0];
        for (int i = 0; i < TINY.cells(); i++) {
            for (int c : new int[] {0, 1, 2, Channels.VX, Channels.VY, Channels.HIDDEN, 15}) {
                assertEquals(start[i * Channels.COUNT + c], next[i * Channels.COUNT + c], "cell " + i + " channel " + c);
            }
            assertEquals(goal[i * Channels.GOAL + Channels.GOAL_VX], next[i * Channels.COUNT + Channels.TARGET_VX]);
        }
        assertTrue(!Arrays.equals(Formations.mass(start), Formations.mass(next)), "diffusion moved mass");
    }

    @Test
    void trainingLearnsAndReplaysExactlyFromItsSeed() {
        AdvectionRecipe recipe = new AdvectionRecipe(8, 2, 2, 3, 2e-3, 1, 10, 1.0, 0.5, 0.1, 1);
        AdvectionTrainer a = new AdvectionTrainer(TINY, recipe, TransportSettings.SEED, Architecture.SEED, DataType.FLOAT, 3);
        AdvectionTrainer b = new AdvectionTrainer(TINY, recipe, TransportSettings.SEED, Architecture.SEED, DataType.FLOAT, 3);
        for (int i = 0; i < 3; i++) {
            AdvectionTrainer.IterationResult ra = a.iterate(i);
            AdvectionTrainer.IterationResult rb = b.iterate(i);
            assertTrue(ra.loss() > 0 && Double.isFinite(ra.loss()), "loss " + ra.loss());
            assertEquals(ra.loss(), rb.loss(), 0.0);
            assertEquals(1.0, ra.conservation(), 1e-12);
        }
        assertArrayEquals(a.nca().parameters().values(), b.nca().parameters().values());
        assertTrue(Arrays.stream(a.nca().parameters().get("w3")).anyMatch(v -> v != 0), "the zero output layer has learned");
    }

    @Test
    void transitionTableCoversEveryPairAndConservesMass() {
        List<TransitionTable.Row> rows = TransitionTable.evaluate("baseline", new GoalGradientBaseline(TransportSettings.SEED),
                TINY, 5, 0, null);
        assertEquals(9, rows.size());
        for (TransitionTable.Row row : rows) {
            assertEquals(1.0, row.conservation(), 1e-12, row.toString());
            assertTrue(row.massMse() >= 0, row.toString());
        }
        assertEquals(Formation.LINE, rows.get(1).source());
        assertEquals(Formation.SQUARE, rows.get(1).target());
    }

    @Test
    void modelFileRoundTrips(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(1);
        Architecture a = new Architecture(6, 4);
        AdvectionModelFile.Model model = new AdvectionModelFile.Model(
                new AdvectionParameters(a, Fields.uniform(r, a.parameterCount(), -1, 1)),
                new TransportSettings(0.25, 2, 0.05, Double.POSITIVE_INFINITY, 0.1), 0.75, TINY, 17);
        AdvectionModelFile.write(dir, model, null);
        AdvectionModelFile.Model back = AdvectionModelFile.read(dir);
        assertArrayEquals(model.parameters().values(), back.parameters().values());
        assertEquals(model.transport(), back.transport());
        assertEquals(model.arena(), back.arena());
        assertEquals(0.75, back.fireRate());
        assertEquals(17, back.steps());
        assertThrows(IllegalArgumentException.class, () -> AdvectionModelFile.read(dir.resolve("missing")));
    }

    @Test
    void settingsRejectBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new TransportSettings(0.25, 2, -0.1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransportSettings(0.25, 2, 0.08, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new TransportSettings(-0.25, 2, 0.08, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransportSettings(0.25, 0, 0.08, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdvectionRecipe(8, 2, 2, 0, 2e-3, 1, 10, 1, 0.5, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdvectionRecipe(8, 2, 2, 3, -2e-3, 1, 10, 1, 0.5, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdvectionRecipe(8, 2, 2, 3, 2e-3, 1, 10, 1, 1.5, 0.1, 0));
    }

    @Test
    void scheduleWarmsUpThenDecaysLikeOptax() {
        WarmupCosineSchedule s = new WarmupCosineSchedule(2e-3, 200, 4000);
        assertEquals(2e-4, s.at(0), 1e-15);
        assertEquals(1.1e-3, s.at(100), 1e-15);
        assertEquals(2e-3, s.at(200), 1e-15);
        assertEquals(2e-5 + (2e-3 - 2e-5) / 2, s.at(2100), 1e-12);
        assertEquals(2e-5, s.at(4000), 1e-15);
        assertEquals(2e-5, s.at(9000), 1e-15);
    }

    private static double velocityNorm(double[] state) {
        double s = 0;
        for (int i = 0; i < state.length / Channels.COUNT; i++) {
            s += Math.abs(state[i * Channels.COUNT + Channels.VX]) + Math.abs(state[i * Channels.COUNT + Channels.VY]);
        }
        return s;
    }
}
