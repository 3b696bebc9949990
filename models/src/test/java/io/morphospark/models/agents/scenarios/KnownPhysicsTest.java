package io.morphospark.models.agents.scenarios;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.agents.world.WorldSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The textbook behaviours the rules must reproduce (docs/AGENTS.md, "Known physics"). */
class KnownPhysicsTest {
    private static final long SEED = 42;

    private static double mean(List<StepMetrics> m, int from, int to, java.util.function.ToDoubleFunction<StepMetrics> f) {
        return m.subList(from, to).stream().mapToDouble(f).average().orElseThrow();
    }

    @Test
    void randomWalkWithoutCommunicationNeitherSortsNorOrders() {
        // A persistent random walk: the heading turns toward M = a random turn, no noise, no cue.
        AgentAlgorithm walk = AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.CONSENSUS_BASED, Communication.NONE,
                Map.of("noise", 0.0, "movement_weight", 2.0, "persistence", 0.3));
        ScenarioResult sorting = Scenario.SORTING.run(walk, SEED);
        ScenarioResult moving = Scenario.COLLECTIVE_MOVEMENT.run(walk, SEED);
        int n = Scenario.SORTING.defaults().world().agents();
        // Finite-size bounds for N = 400 at ~6 neighbours: |f − f₀| of independent contacts ~ 1/√2400, φ ~ 1/√N.
        for (StepMetrics m : sorting.metrics()) {
            assertTrue(Math.abs(m.homotypic()) < 0.12, "homotypic " + m);
        }
        assertTrue(sorting.score() < 0.12, "sorting score " + sorting.score());
        assertTrue(moving.score() < 3 / Math.sqrt(n), "phi " + moving.score());
    }

    private static double vicsekPhi(double noise) {
        AgentAlgorithm vicsek = AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.CONSENSUS_BASED,
                Communication.LOCAL_SIGNALING, Map.of("noise", noise, "movement_weight", 0.0, "speed", 0.3));
        return Scenario.COLLECTIVE_MOVEMENT.run(vicsek, SEED).score();
    }

    @Test
    void vicsekOrdersAtLowNoiseAndDisordersAtHighNoise() {
        double[] noises = {0.05, 0.3, 0.6, 0.9};
        double[] phi = new double[noises.length];
        for (int k = 0; k < noises.length; k++) {
            phi[k] = vicsekPhi(noises[k]);
        }
        assertTrue(phi[0] > 0.9, "low noise phi " + phi[0]);
        assertTrue(phi[phi.length - 1] < 0.2, "high noise phi " + phi[phi.length - 1]);
        for (int k = 1; k < phi.length; k++) {
            assertTrue(phi[k] < phi[k - 1], "phi decreases with noise: " + java.util.Arrays.toString(phi));
        }
    }

    @Test
    void differentialAdhesionSortsOverTime() {
        AgentAlgorithm adhesion = AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.ENERGY_MINIMIZING, Communication.NONE,
                Map.of("adhesion_same", 2.0, "adhesion_other", 0.5, "mc_temperature", 0.5));
        ScenarioResult r = Scenario.SORTING.run(adhesion, SEED);
        List<StepMetrics> m = r.metrics();
        int q = m.size() / 4;
        double first = mean(m, 0, q, StepMetrics::sortingScore);
        double second = mean(m, q, 2 * q, StepMetrics::sortingScore);
        double last = mean(m, 3 * q, m.size(), StepMetrics::sortingScore);
        assertTrue(first < second && second < last, "sorting rises: " + first + ", " + second + ", " + last);
        assertTrue(r.score() > 0.3, "sorted " + r.score());
        // Equal adhesion is the control: no preference, no sorting.
        ScenarioResult control = Scenario.SORTING.run(adhesion.with(Map.of("adhesion_other", 2.0)), SEED);
        assertTrue(control.score() < r.score() - 0.2, "control " + control.score() + " vs " + r.score());
    }

    @Test
    void chemotaxisOnTrailsAggregates() {
        AgentAlgorithm chemotaxis = AgentAlgorithm.of(Movement.GRADIENT_FOLLOWING, Decision.CONSENSUS_BASED,
                Communication.CHEMICAL_TRAILS, Map.of("noise", 0.2));
        ScenarioResult r = Scenario.PATTERN_FORMATION.run(chemotaxis, SEED);
        double before = r.metrics().get(0).meanNeighbours();
        double after = r.last().meanNeighbours();
        assertTrue(after > 4 * before, "aggregates: neighbours " + before + " -> " + after);
        // Without the trail (no communication) the same agents follow only the static prepattern, far less.
        ScenarioResult control = Scenario.PATTERN_FORMATION.run(
                AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.CONSENSUS_BASED, Communication.NONE, Map.of("noise", 0.2)),
                SEED);
        assertTrue(control.last().meanNeighbours() < 1.5 * before, "control " + control.last().meanNeighbours());
    }

    @Test
    void divisionAndDeathFollowTheEnergyBudget() {
        WorldSettings ws = WorldSettings.ofDensity(50, 1.0, false).withDivision(true, 200);
        AgentAlgorithm alg = AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED, Communication.NONE);
        AgentWorld w = new AgentWorld(ws, alg, SEED);
        int max = 0;
        for (int t = 0; t < 400; t++) {
            w.step();
            max = Math.max(max, w.size());
            assertTrue(w.size() <= 200);
            for (int i = 0; i < w.size(); i++) {
                assertTrue(w.x(i) >= 0 && w.x(i) < ws.side() && w.y(i) >= 0 && w.y(i) < ws.side());
                assertTrue(w.energy(i) > 0, "the dead are removed");
            }
        }
        assertTrue(max > 50, "agents on the resource grow and divide: max " + max);
        AgentWorld again = new AgentWorld(ws, alg, SEED);
        for (int t = 0; t < 400; t++) {
            again.step();
        }
        assertEquals(w.size(), again.size());
        assertTrue(java.util.Arrays.equals(w.positions(), again.positions()), "deterministic with division");
    }

    @Test
    void aggregateOverScenarios() {
        AgentAlgorithm alg = AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED, Communication.NONE);
        ScenarioSettings small = new ScenarioSettings(WorldSettings.ofDensity(60, 2.0, true), 40, 8);
        Map<Scenario, ScenarioSettings> s = Map.of(Scenario.SORTING, small, Scenario.PATTERN_FORMATION, small,
                Scenario.COLLECTIVE_MOVEMENT, small);
        AlgorithmEvaluation e = AlgorithmEvaluation.evaluate(alg, s, 3, 2);
        double mean = e.scores().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(mean, e.performance(), 1e-12);
        assertTrue(e.stability() > 0 && e.stability() <= 1);
        assertEquals(e, AlgorithmEvaluation.evaluate(alg, s, 3, 2));
    }
}
