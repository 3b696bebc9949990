package io.morphospark.models.agents.scenarios;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * The seed's aggregate of an algorithm over the three scenarios: performance = mean of the
 * scenario scores (each the mean over replicates), stability = 1/(1 + their standard deviation).
 * Replicate r of scenario s runs from seed key (seed, SIMULATION, s, r), so any task evaluating
 * it gets the same number.
 */
public record AlgorithmEvaluation(Map<Scenario, Double> scores, double performance, double stability)
        implements Serializable {

    public static long replicateSeed(long seed, Scenario scenario, int replicate) {
        return RandomStreams.key(seed, Purpose.SIMULATION, scenario.code, replicate);
    }

    public static AlgorithmEvaluation evaluate(AgentAlgorithm algorithm, Map<Scenario, ScenarioSettings> settings,
                                               long seed, int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
        }
        Map<Scenario, Double> scores = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            ScenarioSettings ss = settings.getOrDefault(s, s.defaults());
            double sum = 0;
            for (int r = 0; r < replicates; r++) {
                sum += s.run(algorithm, ss, replicateSeed(seed, s, r)).score();
            }
            scores.put(s, sum / replicates);
        }
        double mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = scores.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / scores.size();
        return new AlgorithmEvaluation(Map.copyOf(scores), mean, 1 / (1 + Math.sqrt(var)));
    }
}
