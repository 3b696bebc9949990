package io.morphospark.models.discovery;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
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
        Set<String> everyParameter = new HashSet<>();
        for (Movement m : Movement.values()) {
            for (Decision d : Decision.values()) {
                for (Communication c : Communication.values()) {
                    everyParameter.addAll(AgentAlgorithm.of(m, d, c).parameters().keySet());
                }
            }
        }
        assertEquals(3 + everyParameter.size(), Genome.DIMENSION, "one gene per rule and per declared parameter");
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
        assertEquals(AgentAlgorithm.of(Movement.BOUNDARY_FOLLOWING, Decision.ENERGY_MINIMIZING,
                Communication.CHEMICAL_TRAILS).parameters().size(), Genome.activeGenes(g).length);
        assertEquals(Set.of("speed", "anisotropy", "persistence", "threshold"),
                Genome.decode(Genome.defaults(Movement.RANDOM_WALK, Decision.THRESHOLD_BASED, Communication.NONE))
                        .parameters().keySet());
        assertThrows(IllegalArgumentException.class, () -> Genome.decode(new double[3]));
    }
}
