package io.morphospark.models.agents;

import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.rules.ParameterSpec;
import io.morphospark.models.agents.world.PolicyNetwork;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A morphogenetic algorithm: one movement, one decision and one communication rule, and the
 * value of every continuous parameter they declare (plus the common {@code speed}). Plain
 * serialisable data, what a discovery search mutates and ships to executors.
 *
 * @param parameters every declared parameter of the triple, in declaration order (defaults filled in)
 * @param policyWeights the learning_based policy's weights ({@link PolicyNetwork#WEIGHTS} values) or
 *                      {@code null} for random weights drawn per replicate
 */
public record AgentAlgorithm(Movement movement, Decision decision, Communication communication,
                             Map<String, Double> parameters, double[] policyWeights) implements Serializable {

    /** Parameters every algorithm has. */
    public static final List<ParameterSpec> COMMON = List.of(
            new ParameterSpec("speed", 0, 0.5, 0.1, "distance moved per step, in units of the interaction radius"),
            new ParameterSpec("anisotropy", 0, 1, 0,
                    "a: the y component of every displacement is scaled by 1 − a (1: agents move along x only)"));

    public AgentAlgorithm {
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParameterSpec p : parameterSpecs(movement, decision, communication)) {
            Double v = parameters.get(p.name());
            resolved.put(p.name(), v == null ? p.defaultValue() : p.check(v));
        }
        for (String name : parameters.keySet()) {
            if (!resolved.containsKey(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' for " + movement.id() + " × "
                        + decision.id() + " × " + communication.id() + " (known: " + String.join(", ", resolved.keySet()) + ")");
            }
        }
        parameters = Collections.unmodifiableMap(resolved);
        if (policyWeights != null) {
            if (policyWeights.length != PolicyNetwork.WEIGHTS) {
                throw new IllegalArgumentException("policy weights: expected " + PolicyNetwork.WEIGHTS + " values, got "
                        + policyWeights.length);
            }
            policyWeights = policyWeights.clone();
        }
    }

    /** The triple with default parameters. */
    public static AgentAlgorithm of(Movement m, Decision d, Communication c) {
        return new AgentAlgorithm(m, d, c, Map.of(), null);
    }

    public static AgentAlgorithm of(Movement m, Decision d, Communication c, Map<String, Double> parameters) {
        return new AgentAlgorithm(m, d, c, parameters, null);
    }

    /** The parameters a triple declares: the common ones, then movement's, decision's, communication's. */
    public static List<ParameterSpec> parameterSpecs(Movement m, Decision d, Communication c) {
        List<ParameterSpec> all = new ArrayList<>(COMMON);
        all.addAll(m.parameters());
        all.addAll(d.parameters());
        all.addAll(c.parameters());
        return all;
    }

    /** The declaration of the parameter {@code name} (names are unique across all rules). */
    public static ParameterSpec declared(String name) {
        List<ParameterSpec> all = new ArrayList<>(COMMON);
        for (Movement m : Movement.values()) {
            all.addAll(m.parameters());
        }
        for (Decision d : Decision.values()) {
            all.addAll(d.parameters());
        }
        for (Communication c : Communication.values()) {
            all.addAll(c.parameters());
        }
        return all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent rule declares a parameter '" + name + "'"));
    }

    public List<ParameterSpec> parameterSpecs() {
        return parameterSpecs(movement, decision, communication);
    }

    public double get(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared by " + id());
        }
        return v;
    }

    /** The same triple with some parameters changed. */
    public AgentAlgorithm with(Map<String, Double> changes) {
        Map<String, Double> p = new LinkedHashMap<>(parameters);
        p.putAll(changes);
        return new AgentAlgorithm(movement, decision, communication, p, policyWeights);
    }

    /** {@code movement/decision/communication}. */
    public String id() {
        return movement.id() + "/" + decision.id() + "/" + communication.id();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentAlgorithm a && a.movement == movement && a.decision == decision
                && a.communication == communication && a.parameters.equals(parameters)
                && Arrays.equals(a.policyWeights, policyWeights);
    }

    @Override
    public int hashCode() {
        return ((movement.hashCode() * 31 + decision.hashCode()) * 31 + communication.hashCode()) * 31
                + parameters.hashCode() * 31 + Arrays.hashCode(policyWeights);
    }

    @Override
    public String toString() {
        return id() + parameters;
    }
}
