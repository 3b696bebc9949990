package io.morphospark.models.problem;

import java.io.Serializable;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Something an optimiser maximises: a flat parameter vector in, a fitness out. Evaluation is split
 * so it can fan out: {@link #evaluateBlock} runs anywhere (an executor task, a thread, a test) on a
 * block of replicates; {@link #reduce} combines one candidate's blocks, in replicate order, on the
 * driver. Implementations are immutable and serialisable.
 */
public interface Problem extends Serializable {
    String name();

    int dimension();

    /** Stochastic replicates per candidate (1 for a deterministic function). */
    int replicates();

    /** A candidate of the initial population, drawn from the given stream. */
    double[] initialCandidate(RandomGenerator rng);

    /**
     * A sensible initial step size σ, in parameter units, for optimisers that sample around a
     * centre (CMA-ES, SNES, PGPE, OpenAI-ES): about a third of the spread of initial candidates.
     */
    default double initialStepSize() {
        return 0.1;
    }

    BlockResult evaluateBlock(double[] candidate, EvaluationKey key, int firstReplicate, int count);

    /** Combines all blocks of one candidate, ordered by first replicate, covering every replicate once. */
    Evaluation reduce(List<BlockResult> blocks);

    /** Names of the metrics in {@link Evaluation#metrics()}. */
    List<String> metricNames();

    /** Simulated cell-steps per replicate, for throughput figures (0 where it does not apply). */
    long cellStepsPerReplicate();
}
