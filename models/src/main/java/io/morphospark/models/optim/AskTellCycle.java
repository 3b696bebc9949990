package io.morphospark.models.optim;

import io.morphospark.models.problem.Problem;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

/** The ask/tell protocol checks every optimiser shares: strict alternation and matching sizes. */
final class AskTellCycle {
    private AskTellCycle() {
    }

    static void checkAsk(Object pending) {
        if (pending != null) {
            throw new IllegalStateException("ask() called twice without tell()");
        }
    }

    static void checkTell(Object pending, int expected, double[] fitness) {
        if (pending == null) {
            throw new IllegalStateException("tell() called before ask()");
        }
        if (fitness.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " fitness values, got " + fitness.length);
        }
    }

    /** Candidate i of generation 0: the problem's own initial candidate, from its own stream. */
    static double[] initialCandidate(Problem problem, long seed, int i) {
        return problem.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, i));
    }

    static void checkSigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive number, got " + sigma);
        }
    }

    static void checkLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + rate);
        }
    }
}
