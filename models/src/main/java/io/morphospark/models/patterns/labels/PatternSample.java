package io.morphospark.models.patterns.labels;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.patterns.metrics.PatternMetrics;

import java.io.Serializable;
import java.util.Map;

/**
 * One labelled sample: the drawn model parameters and run, the observed frame (after symmetry
 * and noise) and its metrics. {@code attempt} counts the redraws needed to get a live pattern.
 */
public record PatternSample(PatternLabel label, long sampleId, Record params, RunSpec run, int attempt,
                            int symmetry, double noise, Frame frame, PatternMetrics metrics,
                            Map<String, Double> values) implements Serializable {
}
