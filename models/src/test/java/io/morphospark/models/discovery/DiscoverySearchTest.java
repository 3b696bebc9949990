package io.morphospark.models.discovery;

import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoverySearchTest {
    private static final DiscoveryProblem PROBLEM = TinyDiscovery.problem(2);

    static MapElites mapElites(long seed) {
        BehaviourSpace space = BehaviourSpace.of(PROBLEM, List.of("sorting", "collective_movement"));
        return new MapElites(PROBLEM, space, new GridLayout(new int[] {5, 5}),
                List.of(new GaussianEmitter(3, 0.1, 0.1, false), new GaussianEmitter(3, 0.1, 0.1, true),
                        new CmaEmitter(4, 0.1)), 8, seed);
    }

    @Test
    void exhaustiveAsksEveryTripleOnce() {
        ExhaustiveSearch s = new ExhaustiveSearch(50);
        assertEquals(3, s.generationsNeeded());
        Set<String> seen = new HashSet<>();
        while (!s.exhausted()) {
            Population p = s.ask();
            for (int i = 0; i < p.size(); i++) {
                seen.add(Genome.tripleId(p.candidate(i)));
            }
            s.tell(new Evaluation[p.size()]);
        }
        assertEquals(125, seen.size());
        assertThrows(IllegalStateException.class, s::ask);
    }

    @Test
    void seededSearchesStartFromEveryTriple() {
        BehaviourSpace space = BehaviourSpace.of(PROBLEM, List.of("sorting", "collective_movement"));
        for (DiscoverySearch s : List.of(new TripleGa(PROBLEM, 10, 4, 0.3, 0.1, 5, true),
                new MapElites(PROBLEM, space, new GridLayout(new int[] {3, 3}), List.of(new CmaEmitter(4, 0.1)), 8, 5, true))) {
            Population p = s.ask();
            assertEquals(Genome.TRIPLES, p.size(), s.name());
            for (int t = 0; t < p.size(); t++) {
                assertArrayEquals(Genome.triple(t), p.candidate(t));
            }
        }
    }

    @Test
    void gaKeepsTheBestElitesAndBreedsChildrenFromTwoOfThem() {
        TripleGa ga = new TripleGa(PROBLEM, 10, 4, 0.3, 0.1, 5);
        Population p0 = ga.ask();
        assertEquals(10, p0.size());
        Evaluation[] e0 = new Evaluation[10];
        for (int i = 0; i < 10; i++) {
            e0[i] = Evaluation.of(i / 10.0, new double[PROBLEM.metricNames().size()]);
        }
        ga.tell(e0);
        assertEquals(List.of(9, 8, 7, 6), ga.elites().stream().map(Elite::candidate).toList());
        Population p1 = ga.ask();
        assertEquals(6, p1.size());
        for (int i = 0; i < 6; i++) {
            int[] parents = ga.parents(i);
            assertEquals(0, parents[0]);
            assertEquals(0, parents[2]);
            assertTrue(parents[1] >= 6 && parents[3] >= 6 && parents[1] != parents[3]);
        }
        assertThrows(IllegalArgumentException.class, () -> new TripleGa(PROBLEM, 10, 10, 0.3, 0.1, 5));
    }

    @Test
    void mapElitesResumedFromASerialisedStateIsBitIdentical() throws Exception {
        try (ThreadPoolEvaluator ev = new ThreadPoolEvaluator(new BlockEvaluation(PROBLEM, 3, 2), 2)) {
            List<GenerationMetrics> a = new ArrayList<>();
            DiscoveryRun run = run(mapElites(9));
            while (!run.done(5)) {
                a.add(run.step(ev).metrics());
            }
            DiscoveryRun first = run(mapElites(9));
            List<GenerationMetrics> b = new ArrayList<>();
            while (!first.done(2)) {
                b.add(first.step(ev).metrics());
            }
            DiscoveryRun resumed = roundTrip(first);
            while (!resumed.done(5)) {
                b.add(resumed.step(ev).metrics());
            }
            assertEquals(a, b);
            assertTrue(run.archive().sameElites(resumed.archive()));
            assertEquals(8 + 4 * 10, run.evaluations());
            for (int i = 1; i < a.size(); i++) {
                assertTrue(a.get(i).qdScore() >= a.get(i - 1).qdScore(), "QD-score never decreases");
            }
            assertFalse(run.archive().isEmpty());
            assertArrayEquals(run.top().get(0).genome(), resumed.top().get(0).genome());
        }
    }

    private static DiscoveryRun run(MapElites me) {
        return new DiscoveryRun(me, me.space(), me.archive().layout());
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
