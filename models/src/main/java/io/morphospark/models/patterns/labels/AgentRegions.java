package io.morphospark.models.patterns.labels;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.patterns.ParamSpec;
import io.morphospark.models.patterns.sim.AgentPatternParams;
import io.morphospark.models.patterns.sim.AgentPatternParams.Raster;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The agents family's label regions as agent-model runs (docs/AGENTS.md, "Agent families in
 * generate"); the sampled values are those of {@link LabelRegion}'s AGENTS_* ranges.
 * <ul>
 *   <li>random: a fast uncorrelated walk (random_walk, consensus_based with η = 1, no
 *       communication) at 0.5–0.9 agents per pixel, read as occupancy: Poisson noise;</li>
 *   <li>clustered: chemotaxis on long-lived trails (gradient_following, consensus_based,
 *       chemical_trails, decay 0.003–0.008, D = 0.24, η 0.1–0.3): agents coarsen into a few large aggregates,
 *       read as density averaged over a disc of radius 4 pixels;</li>
 *   <li>spotted: the same with short-lived, less diffusive trails (decay 0.03–0.08, D = 0.1): many small aggregates at a
 *       regular spacing, density over a disc of radius 2;</li>
 *   <li>striped: spotted with anisotropic motility (anisotropy 0.98–1: agents move (almost) along x only, η = 0.2),
 *       so aggregation acts along x and the trail's diffusion along y makes bands;</li>
 *   <li>spiral: flocks circulating along the walls and aggregate edges (boundary_following with
 *       chirality 0.5–1, consensus_based with local_signaling, walls), read as the heading phase over
 *       5 × 5: the circulation and the flocks' edges are vortices of the phase (phase singularities).
 *       Not a single clean mill: alignment makes the interior one flock, wall-following makes the
 *       rim circulate.</li>
 * </ul>
 */
final class AgentRegions {
    static final String FAMILY = "agents";

    private AgentRegions() {
    }

    static AgentPatternParams params(PatternLabel label, ToDoubleFunction<ParamSpec> value) {
        return switch (label) {
            case RANDOM -> new AgentPatternParams(AgentAlgorithm.of(Movement.RANDOM_WALK, Decision.CONSENSUS_BASED,
                    Communication.NONE, Map.of("noise", 1.0, "speed", value.applyAsDouble(AgentPatternParams.SPEED))),
                    value.applyAsDouble(AgentPatternParams.AGENTS_PER_PIXEL), new double[] {1}, true, Raster.OCCUPANCY, 0);
            case CLUSTERED -> trails(value.applyAsDouble(AgentPatternParams.DECAY), 0.24, value.applyAsDouble(AgentPatternParams.NOISE), 0, 4);
            case SPOTTED -> trails(value.applyAsDouble(AgentPatternParams.DECAY), 0.1, value.applyAsDouble(AgentPatternParams.NOISE), 0, 2);
            case STRIPED -> trails(value.applyAsDouble(AgentPatternParams.DECAY), 0.1, 0.2, value.applyAsDouble(AgentPatternParams.ANISOTROPY), 2);
            case SPIRAL -> new AgentPatternParams(AgentAlgorithm.of(Movement.BOUNDARY_FOLLOWING, Decision.CONSENSUS_BASED,
                    Communication.LOCAL_SIGNALING, Map.of("chirality", value.applyAsDouble(AgentPatternParams.CHIRALITY), "edge_bias", 0.0,
                            "noise", value.applyAsDouble(AgentPatternParams.NOISE), "movement_weight", 1.0, "speed", 0.2)),
                    2, new double[] {1}, false, Raster.HEADING_PHASE, 2);
            default -> throw new IllegalArgumentException("the agents family makes no " + label.id() + " patterns");
        };
    }

    private static AgentPatternParams trails(double decay, double diffusion, double noise, double anisotropy, int smoothing) {
        return new AgentPatternParams(AgentAlgorithm.of(Movement.GRADIENT_FOLLOWING, Decision.CONSENSUS_BASED,
                Communication.CHEMICAL_TRAILS, Map.of("decay", decay, "diffusion", diffusion, "noise", noise,
                        "anisotropy", anisotropy)), 1.5, new double[] {1}, true, Raster.DENSITY, smoothing);
    }
}
