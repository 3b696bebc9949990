package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

/** An i.i.d. Bernoulli field: every cell on with probability {@code density}. */
public record BernoulliFieldParams(double density) implements Serializable {
    public static final ParamSpec DENSITY = ParamSpec.probability("density");
    /** Every parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(DENSITY);

    public BernoulliFieldParams {
        DENSITY.check(density);
    }
}
