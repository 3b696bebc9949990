package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

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

    public static final ParamSpec J_CC = ParamSpec.nonNegative("j_cc");
    public static final ParamSpec J_CN = ParamSpec.nonNegative("j_cn");
    public static final ParamSpec J_NN = ParamSpec.nonNegative("j_nn");
    public static final ParamSpec J_CM = ParamSpec.nonNegative("j_cm");
    public static final ParamSpec J_NM = ParamSpec.nonNegative("j_nm");
    public static final ParamSpec TARGET_VOLUME = ParamSpec.positive("target_volume");
    public static final ParamSpec LAMBDA_VOLUME = ParamSpec.nonNegative("lambda_volume");
    /** The Metropolis temperature divides energy differences, so it must be positive. */
    public static final ParamSpec TEMPERATURE = ParamSpec.positive("temperature");
    public static final ParamSpec CELL_SIDE = ParamSpec.integer("cell_side", 1, Integer.MAX_VALUE);
    public static final ParamSpec CONDENSING_FRACTION = ParamSpec.probability("condensing_fraction");
    public static final ParamSpec COVERAGE = ParamSpec.positive("coverage");
    /** Every parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(J_CC, J_CN, J_NN, J_CM, J_NM, TARGET_VOLUME, LAMBDA_VOLUME,
            TEMPERATURE, CELL_SIDE, CONDENSING_FRACTION, COVERAGE);

    public CellularPottsParams {
        J_CC.check(jCC);
        J_CN.check(jCN);
        J_NN.check(jNN);
        J_CM.check(jCM);
        J_NM.check(jNM);
        TARGET_VOLUME.check(targetVolume);
        LAMBDA_VOLUME.check(lambdaVolume);
        TEMPERATURE.check(temperature);
        CELL_SIDE.check(cellSide);
        CONDENSING_FRACTION.check(condensingFraction);
        COVERAGE.check(coverage);
    }

    /** Contact energy between cell types (0 medium, 1 condensing, 2 non-condensing). */
    double[] contactMatrix() {
        return new double[] {
            0, jCM, jNM,
            jCM, jCC, jCN,
            jNM, jCN, jNN};
    }
}
