package io.morphospark.models.evaluation;

import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;

/** Evaluates a whole population: on a Spark cluster, a thread pool, or inline. */
public interface PopulationEvaluator extends AutoCloseable {
    Evaluation[] evaluate(Population population);

    @Override
    default void close() {
    }
}
