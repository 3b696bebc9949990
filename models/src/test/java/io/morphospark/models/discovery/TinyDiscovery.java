package io.morphospark.models.discovery;

import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.agents.world.WorldSettings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A discovery problem small enough for unit tests: 24 agents, 8 steps, every scenario. */
final class TinyDiscovery {
    private TinyDiscovery() {
    }

    static DiscoveryProblem problem(int replicates) {
        Map<Scenario, ScenarioSettings> settings = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            settings.put(s, new ScenarioSettings(WorldSettings.ofDensity(24, 2.0, true), 8, 5));
        }
        return new DiscoveryProblem(List.of(Scenario.values()), settings, replicates);
    }
}
