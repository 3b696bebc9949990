package io.morphospark.models.optim;

import java.io.Serializable;
import java.util.Map;

/**
 * Ask/tell interface shared by all optimisers: {@link #ask()} the next population, evaluate it
 * anywhere, {@link #tell(double[])} the fitnesses (higher is better) back. An optimiser is its
 * whole state, random-stream counters included, so serialising it is a checkpoint.
 */
public interface Optimizer extends Serializable {
    String name();

    /** The generation the next {@link #ask()} belongs to. */
    int generation();

    Population ask();

    /** Fitnesses of the last asked population, in its order; non-finite values count as the worst. */
    void tell(double[] fitness);

    /** The algorithm's own state in a few numbers (step size, learning rate…), for the generations table. */
    Map<String, Double> stateSummary();
}
