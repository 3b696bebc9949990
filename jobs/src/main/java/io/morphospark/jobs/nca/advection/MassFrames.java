package io.morphospark.jobs.nca.advection;

import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.nca.advection.Channels;

import java.util.ArrayList;
import java.util.List;

/** Film-strip frames of mass fields: red, opacity = mass (clamped to 1), over white. */
final class MassFrames {
    private final int height;
    private final int width;
    final List<FilmStrip.Frame> frames = new ArrayList<>();

    MassFrames(int height, int width) {
        this.height = height;
        this.width = width;
    }

    void addState(String label, double[] state) {
        double[] mass = new double[height * width];
        for (int i = 0; i < mass.length; i++) {
            mass[i] = state[i * Channels.COUNT + Channels.MASS];
        }
        addMass(label, mass);
    }

    void addMass(String label, double[] mass) {
        float[] rgba = new float[height * width * 4];
        for (int i = 0; i < mass.length; i++) {
            rgba[4 * i] = 0.8f;
            rgba[4 * i + 1] = 0.1f;
            rgba[4 * i + 2] = 0.1f;
            rgba[4 * i + 3] = (float) Math.max(0, Math.min(1, mass[i]));
        }
        frames.add(new FilmStrip.Frame(label, height, width, rgba));
    }
}
