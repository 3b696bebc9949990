package io.morphospark.models.patterns.sim;

import io.morphospark.models.agents.AgentAlgorithm;

/**
 * A run of the cell-agent model (docs/AGENTS.md) as a pattern family: the algorithm, how many
 * agents stand on a pixel on average (the world is one interaction radius per pixel), the type
 * fractions, torus or walls, and how the agents are rasterised (DENSITY averages over a
 * disc of radius {@code smoothing} pixels, HEADING_PHASE over a (2·smoothing + 1)² box).
 */
public record AgentPatternParams(AgentAlgorithm algorithm, double agentsPerPixel, double[] typeFractions,
                                 boolean periodic, Raster raster, int smoothing) {

    /** How a frame is read off the agents. */
    public enum Raster {
        /** 2 states: whether any agent stands on the pixel. */
        OCCUPANCY,
        /** 1 + the majority type (0 empty): the type map of the agent scenarios. */
        TYPES,
        /** Continuous: agents per pixel averaged over the smoothing disc (coarse-grained density). */
        DENSITY,
        /** Cyclic: the mean heading over the smoothing box quantised to {@link #PHASES} phases. */
        HEADING_PHASE
    }

    public static final int PHASES = 8;

    public AgentPatternParams {
        if (!(agentsPerPixel > 0 && agentsPerPixel <= 8)) {
            throw new IllegalArgumentException("agents per pixel must be in (0, 8], got " + agentsPerPixel);
        }
        if (smoothing < 0 || smoothing > 8) {
            throw new IllegalArgumentException("smoothing must be in [0, 8] pixels, got " + smoothing);
        }
        typeFractions = typeFractions.clone();
    }
}
