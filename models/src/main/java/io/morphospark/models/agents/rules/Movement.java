package io.morphospark.models.agents.rules;

import java.util.List;

/**
 * Movement rules: each gives an agent a desired unit direction M from what it perceives; the
 * decision rule then decides whether and how to follow it (docs/AGENTS.md has the equations).
 */
public enum Movement implements Rule {
    /** M = (cos, sin)(θ + (1 − p)·π·ξ), ξ ~ U[−1, 1]: a persistent random walk. */
    RANDOM_WALK(List.of(ParameterSpec.of("persistence", 0, 1, 0.8,
            "1 keeps the heading, 0 turns to a uniformly random direction every step"))),
    /** M = unit(ĥ + χ·∇c/(1 + c)): Weber-law chemotaxis up the guidance field c. */
    GRADIENT_FOLLOWING(List.of(ParameterSpec.of("sensitivity", 0, 50, 10,
            "chemotactic sensitivity χ to the relative gradient ∇c/(1 + c), per unit radius"))),
    /** M = unit(Σ_j w_ij·d̂_ij), w = 1 for the own type and 1 − s for others: differential adhesion. */
    NEIGHBOR_ATTRACTION(List.of(ParameterSpec.of("selectivity", 0, 1, 0.8,
            "type selectivity s: heterotypic neighbours attract with weight 1 − s"))),
    /** M = unit(−Σ_{d < r} (1 − d/r)·d̂_ij), r = range × radius: excluded volume. */
    NEIGHBOR_REPULSION(List.of(ParameterSpec.of("repulsion_range", 0.05, 1, 0.6,
            "repulsion range as a fraction of the interaction radius"))),
    /** M = unit(χ·t̂ + b·ĉ): along a wall, or tangent to the edge of the aggregate (ĉ toward its centroid). */
    BOUNDARY_FOLLOWING(List.of(
            ParameterSpec.of("chirality", -1, 1, 1, "signed weight of the tangent: + counter-clockwise, − clockwise"),
            ParameterSpec.of("edge_bias", 0, 1, 0.3, "weight b of the pull toward the neighbours' centroid")));

    private final List<ParameterSpec> parameters;

    Movement(List<ParameterSpec> parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public static Movement parse(String id) {
        return Rule.parse(Movement.class, "movement", id);
    }
}
