package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

/**
 * Graner–Glazier cellular Potts model of differential-adhesion cell sorting, two cell types
 * (condensing, non-condensing) and medium. Contact energies per unit interface between unlike
 * cells ({@code jCC} condensing–condensing, {@code jCN}, {@code jNN}, {@code jCM}, {@code jNM}
 * with medium), a volume constraint {@code λ(V − V_T)²}, and Metropolis copy attempts at
 * {@code temperature}. Cells start as {@code cellSide}² squares, each condensing with probability
 * {@code condensingFraction}, filling a central disc of radius {@code coverage}·(side/2), or the
 * whole torus when {@code coverage ≥ 1}.
 *
 * <p>{@link #compuCell3dCellSort()} are the values of CompuCell3D's cellsort_2D demo: J_CC=2,
 * J_CN=11, J_NN=J_CM=J_NM=16, V_T=25, λ=2, T=10, 8-neighbour contacts and copies.
 */
public record CellularPottsParams(double jCC, double jCN, double jNN, double jCM, double jNM,
                                  double targetVolume, double lambdaVolume, double temperature,
                                  int cellSide, double condensingFraction, double coverage) implements Serializable {

    public static CellularPottsParams compuCell3dCellSort() {
        return new CellularPottsParams(2, 11, 16, 16, 16, 25, 2, 10, 5, 0.5, 1.0);
    }

    public CellularPottsParams withTemperature(double t) {
        return new CellularPottsParams(jCC, jCN, jNN, jCM, jNM, targetVolume, lambdaVolume, t, cellSide, condensingFraction, coverage);
    }

    public CellularPottsParams withCondensingFraction(double f) {
        return new CellularPottsParams(jCC, jCN, jNN, jCM, jNM, targetVolume, lambdaVolume, temperature, cellSide, f, coverage);
    }

    public CellularPottsParams withCoverage(double c) {
        return new CellularPottsParams(jCC, jCN, jNN, jCM, jNM, targetVolume, lambdaVolume, temperature, cellSide, condensingFraction, c);
    }

    public CellularPottsParams {
        Checks.nonNegative("j-cc", jCC);
        Checks.nonNegative("j-cn", jCN);
        Checks.nonNegative("j-nn", jNN);
        Checks.nonNegative("j-cm", jCM);
        Checks.nonNegative("j-nm", jNM);
        Checks.positive("target-volume", targetVolume);
        Checks.nonNegative("lambda-volume", lambdaVolume);
        Checks.positive("temperature", temperature);
        Checks.atLeast("cell-side", cellSide, 1);
        Checks.probability("condensing-fraction", condensingFraction);
        Checks.positive("coverage", coverage);
    }

    /** Contact energy between cell types (0 medium, 1 condensing, 2 non-condensing). */
    double[] contactMatrix() {
        return new double[] {
            0, jCM, jNM,
            jCM, jCC, jCN,
            jNM, jCN, jNN};
    }
}
