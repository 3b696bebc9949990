package io.morphospark.models.agents.scenarios;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.metrics.AgentMetrics;
import io.morphospark.models.agents.metrics.PatternComplexity;
import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.agents.world.WorldSettings;
import io.morphospark.models.patterns.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's three scenarios. Each runs an algorithm from a replicate seed in its default world
 * (400 agents at density 2 per R², two equal types, torus) and scores it in [0, 1]:
 * <ul>
 *   <li>sorting: the final sorting quality, mean of the normalised homotypic-neighbour fraction and
 *       1 − normalised heterotypic boundary length (AgentMetrics);</li>
 *   <li>pattern_formation: the complexity of the final type raster (PatternComplexity);</li>
 *   <li>collective_movement: Vicsek's φ averaged over the last quarter of the steps.</li>
 * </ul>
 */
public enum Scenario {
    SORTING(1),
    PATTERN_FORMATION(2),
    COLLECTIVE_MOVEMENT(3);

    /** The fraction of the run at its end over which collective movement averages φ. */
    public static final double TAIL = 0.25;

    /** Part of replicate keys, so scenarios of one algorithm never share draws. */
    public final long code;

    Scenario(long code) {
        this.code = code;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scenario parse(String id) {
        for (Scenario s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "' (known: sorting, pattern_formation, "
                + "collective_movement)");
    }

    public ScenarioSettings defaults() {
        WorldSettings world = WorldSettings.ofDensity(400, 2.0, true);
        return new ScenarioSettings(world, 300, TypeRaster.defaultPixels(400));
    }

    public ScenarioResult run(AgentAlgorithm algorithm, long seed) {
        return run(algorithm, defaults(), seed, AgentObserver.NONE);
    }

    public ScenarioResult run(AgentAlgorithm algorithm, ScenarioSettings settings, long seed) {
        return run(algorithm, settings, seed, AgentObserver.NONE);
    }

    /** Runs {@code settings.steps()} steps; the observer sees steps 0 … steps. */
    public ScenarioResult run(AgentAlgorithm algorithm, ScenarioSettings settings, long seed, AgentObserver observer) {
        AgentWorld world = new AgentWorld(settings.world(), algorithm, seed);
        List<StepMetrics> metrics = new ArrayList<>(settings.steps() + 1);
        Frame raster = null;
        for (int t = 0; ; t++) {
            world.perceive();
            raster = TypeRaster.of(world, settings.pixels());
            StepMetrics m = measure(t, world, raster);
            metrics.add(m);
            observer.observe(t, world, m);
            if (t == settings.steps()) {
                break;
            }
            world.step();
        }
        return new ScenarioResult(this, score(metrics), List.copyOf(metrics), raster);
    }

    static StepMetrics measure(int step, AgentWorld world, Frame raster) {
        long[] contacts = world.contacts();
        return new StepMetrics(step, world.size(), AgentMetrics.polarOrder(world), AgentMetrics.homotypic(world),
                AgentMetrics.boundary(raster), contacts[0] / (double) world.size(), PatternComplexity.of(raster));
    }

    /** The scenario's score of a run's metrics (steps 0 … T). */
    public double score(List<StepMetrics> metrics) {
        StepMetrics last = metrics.get(metrics.size() - 1);
        return switch (this) {
            case SORTING -> last.sortingScore();
            case PATTERN_FORMATION -> AgentMetrics.clamp(last.complexity());
            case COLLECTIVE_MOVEMENT -> {
                int from = (int) Math.floor((metrics.size() - 1) * (1 - TAIL));
                double sum = 0;
                for (int t = from; t < metrics.size(); t++) {
                    sum += metrics.get(t).polarOrder();
                }
                yield AgentMetrics.clamp(sum / (metrics.size() - from));
            }
        };
    }
}
