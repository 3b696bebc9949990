package io.morphospark.jobs.agents;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.scenarios.AlgorithmEvaluation;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioResult;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.agents.scenarios.StepMetrics;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.patterns.Frame;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One replicate of an agents run, as a Spark task runs it: plain data in, plain data out. The
 * replicate's seed is (run seed, scenario, replicate), so where it runs does not matter.
 */
final class AgentsReplicate implements Serializable {
    private final AgentAlgorithm algorithm;
    private final Scenario scenario;
    private final ScenarioSettings settings;
    private final long seed;
    private final int stride;

    AgentsReplicate(AgentAlgorithm algorithm, Scenario scenario, ScenarioSettings settings, long seed, int stride) {
        this.algorithm = algorithm;
        this.scenario = scenario;
        this.settings = settings;
        this.seed = seed;
        this.stride = stride;
    }

    /** Agent states at one recorded step (columns of the trajectory table). */
    record Snapshot(int step, long[] agent, double[] x, double[] y, int[] type, double[] heading, double[] energy)
            implements Serializable {
    }

    record Output(int replicate, double score, List<StepMetrics> metrics, List<Snapshot> snapshots, List<Frame> frames)
            implements Serializable {
    }

    Output run(int replicate) {
        List<Snapshot> snapshots = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        int last = settings.steps();
        ScenarioResult r = scenario.run(algorithm, settings, AlgorithmEvaluation.replicateSeed(seed, scenario, replicate),
                (step, world, m) -> {
                    if (step % stride == 0 || step == last) {
                        snapshots.add(snapshot(step, world));
                        frames.add(TypeRaster.of(world, settings.pixels()));
                    }
                });
        return new Output(replicate, r.score(), r.metrics(), snapshots, frames);
    }

    /** The agents' states in id order (the world keeps them sorted by cell, which changes every step). */
    private static Snapshot snapshot(int step, AgentWorld w) {
        int n = w.size();
        int[] byId = w.idOrder();
        long[] id = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] type = new int[n];
        double[] heading = new double[n];
        double[] energy = new double[n];
        for (int k = 0; k < n; k++) {
            int i = byId[k];
            id[k] = w.id(i);
            x[k] = w.x(i);
            y[k] = w.y(i);
            type[k] = w.type(i);
            heading[k] = w.heading(i);
            energy[k] = w.energy(i);
        }
        return new Snapshot(step, id, x, y, type, heading, energy);
    }
}
