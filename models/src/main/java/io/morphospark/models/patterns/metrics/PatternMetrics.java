package io.morphospark.models.patterns.metrics;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.sim.Neighbourhood;
import io.morphospark.models.regulatory.PatternUtility;

import java.io.Serializable;

/**
 * The per-sample metrics of issue #5, computed from one frame alone (never from the model that
 * made it, so they describe the pattern, not the generator).
 *
 * @param mass                on-fraction of the binarised frame
 * @param fateEntropy         binary entropy of the on-fraction, bits
 * @param moransI             Moran's I of the binarised frame, queen weights
 * @param interfaceLength     fraction of unlike rook pairs of the binarised frame
 * @param wavelength          dominant wavelength, cells
 * @param spectralPeakShare   share of the power within one ring of the spectral peak
 * @param anisotropy          local structure-tensor coherence
 * @param phaseSingularities  phase singularities per 1000 cells (cyclic frames; 0 for others)
 */
public record PatternMetrics(double mass, double fateEntropy, double moransI, double interfaceLength,
                             double wavelength, double spectralPeakShare, double anisotropy,
                             double phaseSingularities) implements Serializable {

    public static final String[] NAMES = {"mass", "fate_entropy", "morans_i", "interface_length",
        "wavelength", "spectral_peak_share", "anisotropy", "phase_singularities"};

    public static PatternMetrics of(Frame f) {
        int w = f.width();
        int h = f.height();
        byte[] on = Binarised.of(f);
        float[] onF = Binarised.asFloats(on);
        double mass = Binarised.mass(on);
        // Spectral and gradient metrics read continuous fields as they are; discrete states are
        // labels, not magnitudes, so those use the binarised frame.
        float[] field = f.isDiscrete() ? onF : f.values();
        DominantWavelength spectrum = DominantWavelength.of(field, w, h);
        double coherence = Anisotropy.coherence(field, w, h, Anisotropy.radiusFor(spectrum.wavelength(), w, h));
        double singularities = f.cyclic()
                ? 1000.0 * PhaseSingularities.ofCyclicStates(f.values(), f.states(), w, h).total() / f.cells()
                : 0;
        return new PatternMetrics(mass, PatternUtility.binaryEntropy(mass),
                MoransI.of(onF, w, h, Neighbourhood.MOORE), InterfaceLength.of(on, w, h),
                spectrum.wavelength(), spectrum.peakShare(), coherence, singularities);
    }

    public double[] toArray() {
        return new double[] {mass, fateEntropy, moransI, interfaceLength, wavelength, spectralPeakShare, anisotropy,
            phaseSingularities};
    }
}
