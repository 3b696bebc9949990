package io.morphospark.models.evaluation;

import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;

/** ask → evaluate → tell, for a number of generations, telling a listener about each one. */
public final class EvolutionLoop {
    /** Sees every generation after evaluation and before {@code tell}, and again once the optimiser has been told. */
    public interface Listener {
        void generation(Population population, Evaluation[] evaluations, GenerationStats stats, long evaluateNanos);

        /** The optimiser has taken the generation in: the moment to checkpoint. */
        default void told(Optimizer optimizer) {
        }
    }

    private final Optimizer optimizer;
    private final PopulationEvaluator evaluator;

    public EvolutionLoop(Optimizer optimizer, PopulationEvaluator evaluator) {
        this.optimizer = optimizer;
        this.evaluator = evaluator;
    }

    /** Runs until the optimiser has completed {@code generations} generations (resumed optimisers continue). */
    public void run(int generations, Listener listener) {
        while (optimizer.generation() < generations) {
            Population population = optimizer.ask();
            long start = System.nanoTime();
            Evaluation[] evaluations = evaluator.evaluate(population);
            long evaluateNanos = System.nanoTime() - start;
            double[] fitness = new double[evaluations.length];
            for (int i = 0; i < fitness.length; i++) {
                fitness[i] = evaluations[i].fitness();
            }
            listener.generation(population, evaluations, GenerationStats.of(population.generation(), evaluations), evaluateNanos);
            optimizer.tell(fitness);
            listener.told(optimizer);
        }
    }
}
