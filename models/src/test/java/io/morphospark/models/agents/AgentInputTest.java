package io.morphospark.models.agents;

import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.rules.ParameterSpec;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.world.WorldSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusals name the offending field; declared parameters are unique and have sane ranges. */
class AgentInputTest {
    private static void refused(String fragment, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(fragment), x.getMessage());
    }

    @Test
    void badParametersAndWorldsAreRefused() {
        refused("parameter persistence = 2.0 is outside its range [0.0, 1.0]", () -> AgentAlgorithm.of(Movement.RANDOM_WALK,
                Decision.THRESHOLD_BASED, Communication.NONE, Map.of("persistence", 2.0)));
        refused("parameter speed", () -> AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED,
                Communication.NONE, Map.of("speed", Double.NaN)));
        refused("unknown parameter 'noise'", () -> AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED,
                Communication.NONE, Map.of("noise", 0.1)));
        refused("unknown movement rule 'levy_flight'", () -> Movement.parse("levy_flight"));
        refused("unknown decision rule", () -> Decision.parse("greedy"));
        refused("unknown communication rule", () -> Communication.parse("radio"));
        refused("unknown scenario 'growth'", () -> Scenario.parse("growth"));
        refused("agents must be at least 2", () -> WorldSettings.ofDensity(1, 2.0, true));
        refused("radius must be positive", () -> WorldSettings.ofDensity(50, 2.0, true).withRadius(0));
        refused("radius must be positive", () -> WorldSettings.ofDensity(50, 2.0, true).withRadius(-1));
        refused("at least 3 radii", () -> WorldSettings.ofDensity(50, 2.0, true).withSide(2.5));
        refused("too small for 1000 agents", () -> WorldSettings.ofDensity(50, 2.0, true).withSide(5).withAgents(1000));
        refused("type fractions must sum to 1", () -> WorldSettings.ofDensity(50, 2.0, true).withTypeFractions(0.5, 0.4));
        refused("policy weights", () -> new AgentAlgorithm(Movement.RANDOM_WALK, Decision.LEARNING_BASED,
                Communication.NONE, Map.of(), new double[3]));
    }

    @Test
    void parameterNamesAreUniqueAndDefaultsResolve() {
        Set<String> names = new HashSet<>();
        int declared = 0;
        for (Movement m : Movement.values()) {
            for (ParameterSpec p : m.parameters()) {
                assertTrue(names.add(p.name()), p.name());
                declared++;
            }
        }
        for (Decision d : Decision.values()) {
            for (ParameterSpec p : d.parameters()) {
                assertTrue(names.add(p.name()), p.name());
                declared++;
            }
        }
        for (Communication c : Communication.values()) {
            for (ParameterSpec p : c.parameters()) {
                assertTrue(names.add(p.name()), p.name());
                declared++;
            }
        }
        for (ParameterSpec p : AgentAlgorithm.COMMON) {
            assertTrue(names.add(p.name()), p.name());
        }
        assertEquals(declared + AgentAlgorithm.COMMON.size(), names.size());
        AgentAlgorithm a = AgentAlgorithm.of(Movement.BOUNDARY_FOLLOWING, Decision.ENERGY_MINIMIZING,
                Communication.CHEMICAL_TRAILS, Map.of("chirality", -0.5));
        assertEquals(-0.5, a.get("chirality"));
        assertEquals(0.3, a.get("edge_bias"));
        assertEquals(2 + 2 + 3 + 3, a.parameters().size());
        assertEquals("boundary_following/energy_minimizing/chemical_trails", a.id());
    }
}
