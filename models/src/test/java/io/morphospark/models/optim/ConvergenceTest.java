package io.morphospark.models.optim;

import io.morphospark.models.problem.benchmark.Rastrigin;
import io.morphospark.models.problem.benchmark.Rosenbrock;
import io.morphospark.models.problem.benchmark.Sphere;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each algorithm solves a small instance of its acceptance problem within a small budget. */
class ConvergenceTest {
    private static double[] start(io.morphospark.models.problem.Problem p, long seed) {
        return p.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, 0));
    }

    @Test
    void cmaEsSolvesRosenbrock10WithinHansensBudget() {
        Rosenbrock f = new Rosenbrock(10);
        for (long seed = 1; seed <= 2; seed++) {
            CmaEs es = new CmaEs(start(f, seed), f.initialStepSize(), CmaParameters.defaultPopulation(10), seed);
            Minimise m = Minimise.run(es, f, 20_000, 1e-8);
            assertTrue(m.bestF < 1e-8, "seed " + seed + ": f " + m.bestF + " after " + m.evaluations);
            assertTrue(es.condition() > 10, "a curved valley needs an elongated covariance: " + es.condition());
        }
    }

    @Test
    void sepCmaEsSolvesSphere() {
        Sphere f = new Sphere(30);
        SepCmaEs es = new SepCmaEs(start(f, 3), f.initialStepSize(), CmaParameters.defaultPopulation(30), 3);
        Minimise m = Minimise.run(es, f, 30_000, 1e-8);
        assertTrue(m.bestF < 1e-8, "f " + m.bestF + " after " + m.evaluations);
    }

    @Test
    void snesSolvesSphere() {
        Sphere f = new Sphere(30);
        Snes es = new Snes(start(f, 4), f.initialStepSize(), CmaParameters.defaultPopulation(30), 1, 4);
        Minimise m = Minimise.run(es, f, 60_000, 1e-8);
        assertTrue(m.bestF < 1e-8, "f " + m.bestF + " after " + m.evaluations);
    }

    @Test
    void openAiEsReducesSphereByAThousand() {
        Sphere f = new Sphere(20);
        OpenAiEs es = new OpenAiEs(start(f, 5), 0.5, 40, new Adam(20, 0.3), 0, 0.99, 0.99, 5);
        Minimise m = Minimise.run(es, f, 20_000, 0);
        assertTrue(m.bestF < m.firstGenerationBestF / 1e3, "f " + m.bestF + " from " + m.firstGenerationBestF);
    }

    @Test
    void openAiEsWithSgdAlsoImproves() {
        Sphere f = new Sphere(20);
        OpenAiEs es = new OpenAiEs(start(f, 5), 0.5, 40, new Sgd(20, 0.5, 0.9), 0, 0.995, 0.995, 5);
        Minimise m = Minimise.run(es, f, 10_000, 0);
        assertTrue(m.bestF < m.firstGenerationBestF / 100, "f " + m.bestF + " from " + m.firstGenerationBestF);
    }

    @Test
    void pgpeReducesSphereByAThousand() {
        Sphere f = new Sphere(20);
        Pgpe es = new Pgpe(start(f, 6), 1.0, 40, 0.5, 0.99, 6);
        Minimise m = Minimise.run(es, f, 20_000, 0);
        assertTrue(m.bestF < m.firstGenerationBestF / 1e3, "f " + m.bestF + " from " + m.firstGenerationBestF);
    }

    @Test
    void muCommaLambdaProgressesOnRastrigin() {
        Rastrigin f = new Rastrigin(10);
        MuCommaLambdaEs es = new MuCommaLambdaEs(f, 40, 8, 1.0, 7);
        // no recombination and no elitism: slower than the GA, but steadily downhill
        Minimise m = Minimise.run(es, f, 8_000, 0);
        assertTrue(m.bestF < m.firstGenerationBestF / 2, "f " + m.bestF + " from " + m.firstGenerationBestF);
    }

    @Test
    void gaProgressesOnRastrigin() {
        Rastrigin f = new Rastrigin(10);
        GeneticAlgorithm ga = new GeneticAlgorithm(f, 40, 3, 0.9, 0.5, 8);
        Minimise m = Minimise.run(ga, f, 8_000, 0);
        assertTrue(m.bestF < m.firstGenerationBestF / 3, "f " + m.bestF + " from " + m.firstGenerationBestF);
    }
}
