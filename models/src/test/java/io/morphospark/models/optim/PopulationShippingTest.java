package io.morphospark.models.optim;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A perturbation-recipe population ships the centre and seeds, not λ vectors, and regenerates them exactly. */
class PopulationShippingTest {
    static final int DIM = 1000;

    private static double[] centre() {
        double[] c = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            c[j] = Math.sin(j);
        }
        return c;
    }

    private static byte[] serialise(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Population recipe(int count) {
        return Population.sampled(7, new GaussianPerturbations(centre(), 0.3, null, 42, 7, count, true));
    }

    @Test
    void recipeSizeDoesNotGrowWithThePopulation() throws Exception {
        int small = serialise(recipe(2)).length;
        int large = serialise(recipe(10_000)).length;
        assertEquals(small, large);
        // the centre (8 bytes a coordinate) plus a few hundred bytes of class descriptors
        assertTrue(large < 8 * DIM + 1024, "recipe is " + large + " bytes");
        assertEquals(large, recipe(10_000).shippedBytes());
        // what the same population costs as vectors: λ times more
        Population explicit = Population.explicit(7, new double[][] {centre(), centre(), centre(), centre()}, null);
        assertTrue(explicit.shippedBytes() > 4 * 8 * DIM, "explicit is " + explicit.shippedBytes());
    }

    @Test
    void executorsRegenerateExactlyTheSameVectors() throws Exception {
        Population sent = recipe(64);
        Population received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialise(sent)))) {
            received = (Population) in.readObject();
        }
        double[] c = centre();
        for (int i = 0; i < 64; i++) {
            assertArrayEquals(sent.candidate(i), received.candidate(i), "candidate " + i);
            // and they are what the recipe says: centre ± σ·ε_k from stream (seed, PERTURBATION, generation, k)
            SplittableRandom rng = RandomStreams.stream(42, Purpose.PERTURBATION, 7, i / 2);
            double sign = i % 2 == 0 ? 1 : -1;
            double[] expected = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                expected[j] = c[j] + 0.3 * sign * rng.nextGaussian();
            }
            assertArrayEquals(expected, received.candidate(i), "candidate " + i);
        }
    }

    @Test
    void perCoordinateScaleAndPlainSampling() {
        double[] scale = {1, 2, 0.5};
        GaussianPerturbations g = new GaussianPerturbations(new double[] {0, 10, -1}, 2, scale, 5, 3, 3, false);
        for (int i = 0; i < 3; i++) {
            double[] z = g.noise(i);
            double[] x = g.candidate(i);
            SplittableRandom rng = RandomStreams.stream(5, Purpose.PERTURBATION, 3, i);
            for (int j = 0; j < 3; j++) {
                assertEquals(rng.nextGaussian(), z[j], 0.0);
                assertEquals(new double[] {0, 10, -1}[j] + 2 * scale[j] * z[j], x[j], 0.0);
            }
        }
        assertTrue(g.candidate(0)[0] != g.candidate(1)[0], "distinct streams per candidate");
    }
}
