package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;
import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

/** A Game of Life soup: cells alive independently with probability {@code density}, then B3/S23. */
public record GameOfLifeParams(double density, LifeBorder border) implements Serializable {
    public static final ParamSpec DENSITY = ParamSpec.probability("density");
    /** Every numeric parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(DENSITY);

    public GameOfLifeParams {
        DENSITY.check(density);
        Checks.present("border", border);
    }
}
