package io.morphospark.models.discovery;

import io.morphospark.models.problem.Evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour descriptors an archive is laid out over: named metrics of a discovery evaluation,
 * each in [0, 1]. Choices: a scenario's mean score ({@code sorting}, {@code pattern_formation},
 * {@code collective_movement}, when evaluated), {@code polar_order}, {@code homotypic},
 * {@code complexity} (final-state measures averaged over all runs) and {@code stability}.
 */
public record BehaviourSpace(List<String> names, int[] metricIndex) implements Serializable {

    public static List<String> choices(DiscoveryProblem problem) {
        List<String> c = new ArrayList<>();
        problem.scenarios().forEach(s -> c.add(s.id()));
        c.addAll(DiscoveryProblem.BEHAVIOURS);
        c.add(DiscoveryProblem.STABILITY);
        return c;
    }

    /** The space of the given descriptor names; an unknown one is named with the known ones. */
    public static BehaviourSpace of(DiscoveryProblem problem, List<String> names) {
        if (names.size() != 2) {
            throw new IllegalArgumentException("an archive needs exactly 2 descriptors, got " + names.size() + " " + names);
        }
        if (names.get(0).equals(names.get(1))) {
            throw new IllegalArgumentException("the two descriptors must differ, got " + names.get(0) + " twice");
        }
        List<String> metrics = problem.metricNames();
        int[] index = new int[names.size()];
        for (int i = 0; i < index.length; i++) {
            String n = names.get(i);
            boolean scenario = problem.scenarios().stream().anyMatch(s -> s.id().equals(n));
            int at = metrics.indexOf(scenario ? "mean_" + n : n);
            if (at < 0 || !choices(problem).contains(n)) {
                throw new IllegalArgumentException("unknown descriptor '" + n + "' (known: " + String.join(", ", choices(problem)) + ")");
            }
            index[i] = at;
        }
        return new BehaviourSpace(List.copyOf(names), index);
    }

    public int dimension() {
        return names.size();
    }

    public double[] of(Evaluation e) {
        double[] d = new double[metricIndex.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Genome.clamp(e.metrics()[metricIndex[i]]);
        }
        return d;
    }
}
