package io.morphospark.jobs.agents;

import io.morphospark.datasets.BadInputException;
import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.agents.world.WorldSettings;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code agents run} does, as recorded in its run.json. Plain fields (Jackson writes them);
 * {@link #algorithm()}, {@link #scenarioSettings()} turn them into model objects and report any
 * problem as a {@link BadInputException} naming the field.
 */
public final class AgentsSettings implements Serializable {
    public String movement = "random_walk";
    public String decision = "threshold_based";
    public String communication = "none";
    public String scenario = "sorting";
    public Map<String, Double> params = new LinkedHashMap<>();
    public long seed = 0;
    public int agents = 400;
    /** Agents per R²; the side is R·√(agents/density) unless {@link #side} is given. */
    public double density = 2.0;
    /** Side of the domain; 0: from the density. */
    public double side = 0;
    public double radius = 1.0;
    public double core = 0.4;
    public boolean walled = false;
    public double[] typeFractions = {0.5, 0.5};
    public boolean division = false;
    /** Population cap when dividing; 0: 4 × agents. */
    public int maxAgents = 0;
    public int steps = 300;
    /** Trajectories and frames every this many steps (the last step always). */
    public int stride = 10;
    /** Side of the type raster; 0: √agents. */
    public int pixels = 0;
    public int replicates = 1;
    /** Spark tasks over the replicates; 0: one per default-parallelism slot. */
    public int partitions = 0;

    public AgentsSettings() {
    }

    public AgentAlgorithm algorithm() {
        try {
            return AgentAlgorithm.of(Movement.parse(movement), Decision.parse(decision), Communication.parse(communication),
                    params);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    public Scenario scenario() {
        try {
            return Scenario.parse(scenario);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    public ScenarioSettings scenarioSettings() {
        if (!(density > 0) || Double.isInfinite(density)) {
            throw new BadInputException("density must be positive, got " + density);
        }
        if (side < 0) {
            throw new BadInputException("side must be positive (or 0 for the density's), got " + side);
        }
        if (stride < 1) {
            throw new BadInputException("stride must be at least 1, got " + stride);
        }
        if (replicates < 1) {
            throw new BadInputException("replicates must be at least 1, got " + replicates);
        }
        if (partitions < 0) {
            throw new BadInputException("partitions must be at least 0, got " + partitions);
        }
        if (maxAgents < 0) {
            throw new BadInputException("max-agents must be at least 0, got " + maxAgents);
        }
        try {
            double l = side > 0 ? side : radius * Math.sqrt(agents / density);
            WorldSettings world = new WorldSettings(agents, l, !walled, radius, core, typeFractions, division,
                    maxAgents > 0 ? maxAgents : Math.max(agents, 4 * agents));
            return new ScenarioSettings(world, steps, pixels > 0 ? pixels : TypeRaster.defaultPixels(agents));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Everything checked before any work starts. */
    public void validate() {
        algorithm();
        scenario();
        scenarioSettings();
    }
}
