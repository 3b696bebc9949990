package io.morphospark.models.optim;

import java.io.Serializable;

/**
 * Turns an estimated ascent gradient into a parameter update (Adam, SGD, ClipUp). Stateful
 * (moments, velocity) and serialisable as part of its optimiser.
 */
public interface GradientStep extends Serializable {
    /** The update to add to the parameters for this ascent direction. */
    double[] step(double[] gradient);

    double learningRate();

    /** Multiplies the learning rate (and whatever scales with it), for decay schedules. */
    void scaleLearningRate(double factor);

    String name();
}
