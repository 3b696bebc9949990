package io.morphospark.models.agents.scenarios;

import io.morphospark.models.patterns.Frame;

import java.io.Serializable;
import java.util.List;

/** What one scenario run returns: its score in [0, 1], the metrics of every step and the final type raster. */
public record ScenarioResult(Scenario scenario, double score, List<StepMetrics> metrics, Frame finalRaster)
        implements Serializable {
    public StepMetrics last() {
        return metrics.get(metrics.size() - 1);
    }
}
