package io.morphospark.jobs.nca;

import io.morphospark.jobs.plots.FilmStrip;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.RgbaLoss;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** Collects frames of a single-grid growth run: trajectory rows, film-strip frames and their MSE. */
final class NcaFrames {
    private final RgbaLoss loss;
    private final int filmStride;
    final List<Row> rows = new ArrayList<>();
    final List<FilmStrip.Frame> film = new ArrayList<>();

    NcaFrames(RgbaLoss loss, int filmStride) {
        this.loss = loss;
        this.filmStride = filmStride;
    }

    /** Records the first grid of a batch at {@code step}; returns its MSE against the target. */
    double add(String phase, int step, INDArray state) {
        int h = (int) state.size(1);
        int w = (int) state.size(2);
        int c = (int) state.size(3);
        float[] all = state.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).dup('c').data().asFloat();
        float[] rgba = new float[h * w * NcaConfig.RGBA];
        for (int cell = 0; cell < h * w; cell++) {
            for (int k = 0; k < NcaConfig.RGBA; k++) {
                rgba[cell * 4 + k] = Math.max(0f, Math.min(1f, all[cell * c + k]));
            }
        }
        double mse = loss.perSample(state)[0];
        rows.add(RowFactory.create(phase, step, h, w, mse, boxed(rgba)));
        if (step % filmStride == 0) {
            film.add(new FilmStrip.Frame(phase + " " + step, h, w, rgba));
        }
        return mse;
    }

    private static List<Float> boxed(float[] v) {
        List<Float> l = new ArrayList<>(v.length);
        for (float f : v) {
            l.add(f);
        }
        return l;
    }
}
