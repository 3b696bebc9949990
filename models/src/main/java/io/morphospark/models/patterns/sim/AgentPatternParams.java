package io.morphospark.models.patterns.sim;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.patterns.ParamSpec;

import java.util.List;

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

    /**
     * Mean agents per pixel (one interaction radius per pixel): from 0.01 (at least 10 agents on the
     * smallest grid generate allows, 32²) to 7 (the most the world packs: cores of diameter 0.4 pixel cover 88%).
     */
    public static final ParamSpec AGENTS_PER_PIXEL = ParamSpec.between("agents_per_pixel", 0.01, 7);
    /** The agent-model parameters the family's labels vary, with the ranges the agent rules declare. */
    public static final ParamSpec SPEED = AgentAlgorithm.declared("speed").validValues();
    public static final ParamSpec ANISOTROPY = AgentAlgorithm.declared("anisotropy").validValues();
    public static final ParamSpec DECAY = AgentAlgorithm.declared("decay").validValues();
    public static final ParamSpec NOISE = AgentAlgorithm.declared("noise").validValues();
    public static final ParamSpec CHIRALITY = AgentAlgorithm.declared("chirality").validValues();
    /** Every numeric parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(AGENTS_PER_PIXEL, SPEED, ANISOTROPY, DECAY, NOISE, CHIRALITY);

    public AgentPatternParams {
        AGENTS_PER_PIXEL.check(agentsPerPixel);
        if (smoothing < 0 || smoothing > 8) {
            throw new IllegalArgumentException("smoothing must be in [0, 8] pixels, got " + smoothing);
        }
        typeFractions = typeFractions.clone();
    }
}
