package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/** An i.i.d. Bernoulli field: every cell on with probability {@code density}. */
public record BernoulliFieldParams(double density) implements Serializable {
    public BernoulliFieldParams {
        Checks.probability("density", density);
    }
}
