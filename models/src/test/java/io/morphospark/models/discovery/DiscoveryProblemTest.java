package io.morphospark.models.discovery;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.scenarios.AlgorithmEvaluation;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.WorkItem;
import io.morphospark.models.evaluation.WorkResult;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiscoveryProblemTest {
    @Test
    void fanOutOverScenarioBlocksMatchesTheSeedsAggregateWhateverTheBlocks() {
        DiscoveryProblem p = TinyDiscovery.problem(3);
        double[][] genomes = {Genome.triple(0), Genome.triple(77), Genome.triple(124)};
        Population pop = Population.explicit(0, genomes, null);
        Evaluation[] byScenario = evaluate(p, pop, 3, false);
        Evaluation[] byRun = evaluate(p, pop, 1, true);
        Map<Scenario, ScenarioSettings> settings = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            settings.put(s, p.settings(s));
        }
        for (int c = 0; c < genomes.length; c++) {
            assertArrayEquals(byScenario[c].metrics(), byRun[c].metrics());
            AgentAlgorithm a = Genome.decode(genomes[c]);
            AlgorithmEvaluation seed = AlgorithmEvaluation.evaluate(a, settings, 11, 3);
            assertEquals(seed.performance(), byScenario[c].fitness(), 1e-12);
            assertEquals(seed.stability(), byScenario[c].metrics()[1], 1e-12);
            for (Scenario s : Scenario.values()) {
                assertEquals(seed.scores().get(s), byScenario[c].metrics()[p.meanIndex(s)], 1e-12);
            }
        }
        assertEquals(2 + 6 + 3 + 9, p.metricNames().size());
        assertEquals("score_collective_movement_r2", p.metricNames().get(p.metricNames().size() - 1));
    }

    @Test
    void descriptorsAreNamedMetrics() {
        DiscoveryProblem p = TinyDiscovery.problem(1);
        BehaviourSpace s = BehaviourSpace.of(p, List.of("sorting", "polar_order"));
        assertArrayEquals(new int[] {2, 8}, s.metricIndex());
        assertThrows(IllegalArgumentException.class, () -> BehaviourSpace.of(p, List.of("sorting", "speed")));
        assertThrows(IllegalArgumentException.class, () -> BehaviourSpace.of(p, List.of("sorting", "sorting")));
        DiscoveryProblem sortingOnly = new DiscoveryProblem(List.of(Scenario.SORTING), Map.of(), 1);
        assertThrows(IllegalArgumentException.class, () -> BehaviourSpace.of(sortingOnly, List.of("collective_movement", "homotypic")));
        assertThrows(IllegalArgumentException.class, () -> new DiscoveryProblem(List.of(Scenario.SORTING), Map.of(), 0));
    }

    /** Evaluates through the shared BlockEvaluation, the items in a shuffled order when asked. */
    static Evaluation[] evaluate(DiscoveryProblem p, Population pop, int block, boolean shuffle) {
        BlockEvaluation b = new BlockEvaluation(p, 11, block);
        List<WorkItem> items = new ArrayList<>(b.plan(pop.size()));
        if (shuffle) {
            Collections.reverse(items);
        }
        List<WorkResult> results = new ArrayList<>();
        for (WorkItem item : items) {
            results.add(b.run(pop, item));
        }
        return b.reduce(pop.size(), results);
    }
}
