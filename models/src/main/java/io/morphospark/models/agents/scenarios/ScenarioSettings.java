package io.morphospark.models.agents.scenarios;

import io.morphospark.models.agents.world.WorldSettings;

import java.io.Serializable;

/** The world a scenario runs in and for how many steps; {@code pixels} is the side of its type raster. */
public record ScenarioSettings(WorldSettings world, int steps, int pixels) implements Serializable {
    public ScenarioSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (pixels < 4) {
            throw new IllegalArgumentException("pixels must be at least 4, got " + pixels);
        }
    }

    public ScenarioSettings withWorld(WorldSettings w) {
        return new ScenarioSettings(w, steps, pixels);
    }

    public ScenarioSettings withSteps(int s) {
        return new ScenarioSettings(world, s, pixels);
    }

    public ScenarioSettings withPixels(int p) {
        return new ScenarioSettings(world, steps, p);
    }
}
