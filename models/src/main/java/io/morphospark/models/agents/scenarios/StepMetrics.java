package io.morphospark.models.agents.scenarios;

import java.io.Serializable;

/**
 * The measures of one step's state (see AgentMetrics): agents alive, polar order φ, normalised
 * homotypic fraction, normalised heterotypic boundary, mean neighbours within R, and the pattern
 * complexity of the type raster.
 */
public record StepMetrics(int step, int agents, double polarOrder, double homotypic, double boundary,
                          double meanNeighbours, double complexity) implements Serializable {
    public static final String[] NAMES = {"agents", "polar_order", "homotypic", "boundary", "mean_neighbours",
        "complexity"};

    public double sortingScore() {
        return io.morphospark.models.agents.metrics.AgentMetrics.sortingScore(homotypic, boundary);
    }
}
