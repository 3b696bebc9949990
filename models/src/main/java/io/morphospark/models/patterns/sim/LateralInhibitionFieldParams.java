package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/**
 * The lateral-inhibition regulatory network of REFERENCE.md §1 on a 2-D torus: each cell's state
 * follows {@code ds = tanh(−α(s̄ − θ))·dt + √dt·σ·ξ}, clipped to [0, 1], where s̄ is the mean of
 * its four neighbours; the start is U[0.4, 0.6].
 */
public record LateralInhibitionFieldParams(double alpha, double theta, double noise, double dt) implements Serializable {
    public LateralInhibitionFieldParams {
        Checks.positive("alpha", alpha);
        Checks.probability("theta", theta);
        Checks.nonNegative("noise", noise);
        Checks.positive("dt", dt);
    }
}
