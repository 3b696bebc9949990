package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/** A Game of Life soup: cells alive independently with probability {@code density}, then B3/S23. */
public record GameOfLifeParams(double density, LifeBorder border) implements Serializable {
    public GameOfLifeParams {
        Checks.probability("density", density);
        Checks.present("border", border);
    }
}
