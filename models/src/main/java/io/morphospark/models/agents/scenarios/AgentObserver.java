package io.morphospark.models.agents.scenarios;

import io.morphospark.models.agents.world.AgentWorld;

/** Sees the world at every step's start and after the last step (read-only use; trajectories, frames). */
@FunctionalInterface
public interface AgentObserver {
    AgentObserver NONE = (step, world, metrics) -> { };

    void observe(int step, AgentWorld world, StepMetrics metrics);
}
