package io.morphospark.models.optim;

import io.morphospark.models.problem.benchmark.Sphere;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every optimiser promises: ask/tell order, determinism, state = serialised object, −∞/NaN robustness. */
class OptimizerContractTest {
    static final Sphere SPHERE = new Sphere(6);

    static Stream<Arguments> optimizers() {
        double[] start = {1, -2, 3, -1, 0.5, 2};
        return Stream.<Supplier<Optimizer>>of(
                () -> new MuPlusLambdaEs(SPHERE, 10, 2, 0.3, 11),
                () -> new MuCommaLambdaEs(SPHERE, 10, 3, 0.3, 11),
                () -> new GeneticAlgorithm(SPHERE, 10, 3, 0.9, 0.3, 11),
                () -> new OpenAiEs(start, 0.3, 10, new Adam(6, 0.05), 0.01, 1, 1, 11),
                () -> new OpenAiEs(start, 0.3, 10, new Sgd(6, 0.05, 0.9), 0, 0.99, 0.99, 11),
                () -> new CmaEs(start, 0.3, 10, 11),
                () -> new SepCmaEs(start, 0.3, 10, 11),
                () -> new Snes(start, 0.3, 10, 1, 11),
                () -> new Pgpe(start, 0.3, 10, 0.1, 1, 11)
        ).map(s -> Arguments.of(s.get().name(), s));
    }

    private static double[] evaluate(Population pop) {
        double[] f = new double[pop.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = -SPHERE.value(pop.candidate(i));
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static void assertSamePopulation(Population a, Population b) {
        assertEquals(a.generation(), b.generation());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.candidate(i), b.candidate(i), "candidate " + i);
            assertEquals(a.parent(i), b.parent(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void serialisedStateResumesIdentically(String name, Supplier<Optimizer> make) throws Exception {
        Optimizer original = make.get();
        for (int g = 0; g < 5; g++) {
            original.tell(evaluate(original.ask()));
        }
        Optimizer copy = roundTrip(original);
        assertEquals(original.generation(), copy.generation());
        for (int g = 0; g < 5; g++) {
            Population a = original.ask();
            Population b = copy.ask();
            assertSamePopulation(a, b);
            original.tell(evaluate(a));
            copy.tell(evaluate(b));
        }
        assertEquals(original.stateSummary(), copy.stateSummary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void sameSeedSameRunAndItImproves(String name, Supplier<Optimizer> make) {
        Optimizer a = make.get();
        Optimizer b = make.get();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int g = 0; g < 40; g++) {
            Population pa = a.ask();
            Population pb = b.ask();
            assertSamePopulation(pa, pb);
            double[] f = evaluate(pa);
            double best = java.util.Arrays.stream(f).max().orElseThrow();
            if (g == 0) {
                first = best;
            }
            last = best;
            a.tell(f);
            b.tell(f.clone());
        }
        assertTrue(last > first, name + ": best " + last + " not above first " + first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void invalidFitnessesLeaveTheStateFinite(String name, Supplier<Optimizer> make) {
        Optimizer es = make.get();
        for (int g = 0; g < 30; g++) {
            Population pop = es.ask();
            double[] f = evaluate(pop);
            for (int i = 0; i < f.length; i++) {
                if (g % 5 == 4) {
                    f[i] = Double.NEGATIVE_INFINITY; // a whole generation of failed simulations
                } else if (i % 3 == 0) {
                    f[i] = i % 2 == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
                }
            }
            es.tell(f);
        }
        Population next = es.ask();
        for (int i = 0; i < next.size(); i++) {
            for (double x : next.candidate(i)) {
                assertTrue(Double.isFinite(x), name + ": candidate " + i + " has " + x);
            }
        }
        for (Map.Entry<String, Double> e : es.stateSummary().entrySet()) {
            assertTrue(Double.isFinite(e.getValue()), name + ": " + e.getKey() + " = " + e.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void enforcesAskTellOrder(String name, Supplier<Optimizer> make) {
        Optimizer es = make.get();
        assertThrows(IllegalStateException.class, () -> es.tell(new double[10]));
        es.ask();
        assertThrows(IllegalStateException.class, es::ask);
        assertThrows(IllegalArgumentException.class, () -> es.tell(new double[3]));
        assertFalse(es.stateSummary().isEmpty());
    }
}
