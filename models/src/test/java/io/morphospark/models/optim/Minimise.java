package io.morphospark.models.optim;

import io.morphospark.models.problem.benchmark.BenchmarkFunction;

/** A plain ask/evaluate/tell loop on a benchmark function, for tests: best f seen and evaluations used. */
final class Minimise {
    double bestF = Double.POSITIVE_INFINITY;
    double firstGenerationBestF = Double.NaN;
    long evaluations;

    static Minimise run(Optimizer optimizer, BenchmarkFunction f, long maxEvaluations, double target) {
        Minimise m = new Minimise();
        while (m.evaluations < maxEvaluations && m.bestF >= target) {
            Population pop = optimizer.ask();
            double[] fitness = new double[pop.size()];
            double generationBest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < fitness.length; i++) {
                double v = f.value(pop.candidate(i));
                fitness[i] = -v;
                generationBest = Math.min(generationBest, v);
            }
            if (m.evaluations == 0) {
                m.firstGenerationBestF = generationBest;
            }
            m.evaluations += fitness.length;
            m.bestF = Math.min(m.bestF, generationBest);
            optimizer.tell(fitness);
        }
        return m;
    }
}
