package io.morphospark.models.nca.advection;

/** One step of a batch of states toward their goals: the trained NCA or a baseline. */
public interface StepFunction {
    double[][] step(double[][] states, double[][] goals, int height, int width, StepDraws draws);

    /** The fire rate its draws need (1 for a policy that updates every cell). */
    double fireRate();

    /** The transport its draws and moves use. */
    TransportSettings transport();
}
