package io.morphospark.models.agents.rules;

import java.util.List;

/**
 * Decision rules: from the movement rule's direction M, the communicated cue (V, S) and the
 * agent's own perception, each chooses the new heading and whether the agent moves this step.
 */
public enum Decision implements Rule {
    /** Move along M + V when q = h (or (h + S)/2 with a scalar cue) exceeds θ; rest otherwise. */
    THRESHOLD_BASED(List.of(ParameterSpec.of("threshold", 0, 1, 0.3,
            "θ: the sensed heterotypic fraction (blended with the cue level) above which an agent moves"))),
    /** Boltzmann choice over {follow M, follow V, keep heading, rest} with utilities {h, |V|, ĥ·M, 1 − h}. */
    PROBABILISTIC(List.of(ParameterSpec.of("temperature", 0.01, 10, 0.2,
            "T of P(a) ∝ exp(U(a)/T); small T picks the best action, large T any"))),
    /** The seed's policy network 10 → 64 → 64 → 8 (ReLU, softmax) sampled over its 8 actions. */
    LEARNING_BASED(List.of(ParameterSpec.of("weight_scale", 0.01, 5, 1,
            "scale of the random He-normal weights (ignored when weights are given)"))),
    /** Vicsek: θ' = arg(ĥ + V + β·M) + η·π·ξ, ξ ~ U[−1, 1]. */
    CONSENSUS_BASED(List.of(
            ParameterSpec.of("noise", 0, 1, 0.1, "η: angular noise as a fraction of π"),
            ParameterSpec.of("movement_weight", 0, 2, 0.5, "β: weight of the movement rule's direction"))),
    /** Metropolis moves under a differential-adhesion energy (Graner–Glazier), proposals along M + V + noise. */
    ENERGY_MINIMIZING(List.of(
            ParameterSpec.of("adhesion_same", 0, 5, 2, "adhesion between agents of the same type (J = −adhesion)"),
            ParameterSpec.of("adhesion_other", 0, 5, 0.5, "adhesion between agents of different types"),
            ParameterSpec.of("mc_temperature", 0.01, 10, 0.5, "T of the acceptance min(1, exp(−ΔE/T))")));

    private final List<ParameterSpec> parameters;

    Decision(List<ParameterSpec> parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public static Decision parse(String id) {
        return Rule.parse(Decision.class, "decision", id);
    }
}
