package io.morphospark.models.discovery;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenomeTest {
    @Test
    void everyTripleDecodesToItsDefaultAlgorithm() {
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < Genome.TRIPLES; t++) {
            double[] g = Genome.triple(t);
            AgentAlgorithm a = Genome.decode(g);
            ids.add(a.id());
            AgentAlgorithm defaults = AgentAlgorithm.of(a.movement(), a.decision(), a.communication());
            for (String p : a.parameters().keySet()) {
                assertEquals(defaults.get(p), a.get(p), 1e-12, p);
            }
        }
        assertEquals(125, ids.size());
        assertEquals(3 + 22, Genome.DIMENSION);
    }

    @Test
    void encodeThenDecodeIsTheSameAlgorithm() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < 200; k++) {
            double[] g = new double[Genome.DIMENSION];
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.nextDouble();
            }
            AgentAlgorithm a = Genome.decode(g);
            AgentAlgorithm back = Genome.decode(Genome.encode(a));
            assertEquals(a.id(), back.id());
            for (String p : a.parameters().keySet()) {
                assertEquals(a.get(p), back.get(p), 1e-9, p);
            }
            assertArrayEquals(Genome.canonical(g), Genome.canonical(Genome.canonical(g)));
        }
    }

    @Test
    void outOfRangeGenesAreClampedAndActiveGenesFollowTheTriple() {
        double[] g = Genome.defaults(Movement.BOUNDARY_FOLLOWING, Decision.ENERGY_MINIMIZING, Communication.CHEMICAL_TRAILS);
        g[Genome.geneOf("deposit")] = 7;
        g[Genome.geneOf("adhesion_same")] = -3;
        AgentAlgorithm a = Genome.decode(g);
        assertEquals(5, a.get("deposit"), 1e-12);
        assertEquals(0, a.get("adhesion_same"), 1e-12);
        assertEquals(1 + 2 + 3 + 3, Genome.activeGenes(g).length);
        assertEquals(Map.of("speed", 0.1, "persistence", 0.8, "threshold", 0.3).keySet(),
                Genome.decode(Genome.defaults(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED, Communication.NONE))
                        .parameters().keySet());
        assertThrows(IllegalArgumentException.class, () -> Genome.decode(new double[3]));
    }
}
