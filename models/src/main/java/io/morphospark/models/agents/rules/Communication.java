package io.morphospark.models.agents.rules;

import java.util.List;

/**
 * Communication rules: what an agent learns from others besides their positions and types,
 * as a cue vector V and a cue level S handed to the decision rule, plus any physical effect.
 */
public enum Communication implements Rule {
    /** V = 0, S absent: agents see only where their neighbours are and of which type. */
    NONE(List.of()),
    /** V = Σ headings, S = mean emitted signal of the neighbours within signal_range × radius. */
    LOCAL_SIGNALING(List.of(ParameterSpec.of("signal_range", 0.1, 1, 1,
            "reception radius as a fraction of the interaction radius"))),
    /** V = g·(mean heading of all agents), S = mean signal of all agents: a mean field. */
    GLOBAL_BROADCAST(List.of(ParameterSpec.of("broadcast_gain", 0, 10, 1,
            "g: weight of the global mean heading"))),
    /** Each agent deposits on a diffusing, decaying field c; V = ∇c/(1 + c), S = c/(1 + c): stigmergy. */
    CHEMICAL_TRAILS(List.of(
            ParameterSpec.of("deposit", 0, 5, 1, "amount an agent deposits per step"),
            ParameterSpec.of("diffusion", 0, 0.24, 0.1, "D of the explicit 5-point diffusion per step (stable below 0.25)"),
            ParameterSpec.of("decay", 0.001, 0.5, 0.05, "fraction of the field lost per step"))),
    /** Overdamped soft spheres: repulsion below the core diameter, adhesion out to the radius; S = pressure. */
    MECHANICAL_FORCES(List.of(
            ParameterSpec.of("stiffness", 0, 2, 0.5, "repulsion per unit overlap of the cores"),
            ParameterSpec.of("adhesion", 0, 1, 0.1, "peak pull between the core diameter and the radius")));

    private final List<ParameterSpec> parameters;

    Communication(List<ParameterSpec> parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public static Communication parse(String id) {
        return Rule.parse(Communication.class, "communication", id);
    }
}
