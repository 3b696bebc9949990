package io.morphospark.models.agents;

import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.agents.world.WorldSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All 125 rule triples run, conserve their agents, keep them in the domain (torus and walls),
 * repeat exactly from the same seed, and no two give the same trajectory from the same seed.
 */
class AgentRulesDistinctnessTest {
    private static final int AGENTS = 40;
    private static final int STEPS = 25;

    /** Positions and headings after every step, concatenated. */
    private static double[] trajectory(AgentAlgorithm alg, WorldSettings ws, long seed) {
        AgentWorld w = new AgentWorld(ws, alg, seed);
        double[] out = new double[STEPS * 3 * AGENTS];
        for (int t = 0; t < STEPS; t++) {
            w.step();
            assertEquals(AGENTS, w.size(), alg.id() + ": agents conserved without division");
            for (int i = 0; i < w.size(); i++) {
                double x = w.x(i);
                double y = w.y(i);
                assertTrue(x >= 0 && x < ws.side() && y >= 0 && y < ws.side(), alg.id() + ": agent " + i + " at (" + x + ", "
                        + y + ") left the domain " + ws.side());
                assertTrue(Double.isFinite(w.heading(i)), alg.id());
                out[(t * AGENTS + i) * 3] = x;
                out[(t * AGENTS + i) * 3 + 1] = y;
                out[(t * AGENTS + i) * 3 + 2] = w.heading(i);
            }
        }
        return out;
    }

    private static List<AgentAlgorithm> all() {
        List<AgentAlgorithm> all = new ArrayList<>();
        for (Movement m : Movement.values()) {
            for (Decision d : Decision.values()) {
                for (Communication c : Communication.values()) {
                    all.add(AgentAlgorithm.of(m, d, c));
                }
            }
        }
        return all;
    }

    @Test
    void all125CombinationsRunAndDiffer() {
        for (boolean periodic : new boolean[] {true, false}) {
            WorldSettings ws = WorldSettings.ofDensity(AGENTS, 2.0, periodic);
            List<AgentAlgorithm> algorithms = all();
            assertEquals(125, algorithms.size());
            Map<Integer, List<double[]>> byHash = new HashMap<>();
            List<String> clashes = new ArrayList<>();
            Map<double[], String> names = new HashMap<>();
            for (AgentAlgorithm alg : algorithms) {
                double[] t = trajectory(alg, ws, 11);
                names.put(t, alg.id());
                List<double[]> bucket = byHash.computeIfAbsent(Arrays.hashCode(t), k -> new ArrayList<>());
                for (double[] other : bucket) {
                    if (Arrays.equals(other, t)) {
                        clashes.add(alg.id() + " = " + names.get(other));
                    }
                }
                bucket.add(t);
            }
            assertTrue(clashes.isEmpty(), "identical trajectories (periodic " + periodic + "): " + clashes);
        }
    }

    @Test
    void sameSeedRepeatsAndAnotherSeedDiffers() {
        WorldSettings ws = WorldSettings.ofDensity(AGENTS, 2.0, true);
        for (AgentAlgorithm alg : all()) {
            double[] a = trajectory(alg, ws, 5);
            assertArrayEquals(a, trajectory(alg, ws, 5), alg.id());
            assertFalse(Arrays.equals(a, trajectory(alg, ws, 6)), alg.id());
        }
    }
}
