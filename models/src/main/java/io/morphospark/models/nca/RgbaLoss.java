package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The seed's loss: MSE of the RGBA channels clamped to [0, 1] against the target, averaged over the batch. */
public final class RgbaLoss {
    private final Target target;

    public RgbaLoss(Target target) {
        this.target = target;
    }

    /** Per-sample MSE of a batch [B, H, W, C]. */
    public double[] perSample(INDArray batch) {
        return evaluate(batch, null);
    }

    /** Per-sample MSE, and {@code gradient} (same shape as the batch) of their mean w.r.t. the batch. */
    public double[] withGradient(INDArray batch, INDArray[] gradient) {
        double[] g = new double[(int) batch.length()];
        double[] losses = evaluate(batch, g);
        gradient[0] = Nd4j.create(g, batch.shape(), org.nd4j.linalg.api.buffer.DataType.DOUBLE).castTo(batch.dataType());
        return losses;
    }

    private double[] evaluate(INDArray batch, double[] gradient) {
        int b = (int) batch.size(0);
        int cells = (int) (batch.size(1) * batch.size(2));
        int channels = (int) batch.size(3);
        if (batch.size(1) != target.height() || batch.size(2) != target.width()) {
            throw new IllegalArgumentException("state grid " + batch.size(1) + "x" + batch.size(2)
                    + " differs from the target's " + target.height() + "x" + target.width());
        }
        double[] x = batch.dup('c').data().asDouble();
        float[] t = target.rgba();
        double[] losses = new double[b];
        double perSample = cells * (double) NcaConfig.RGBA;
        double scale = 2.0 / (perSample * b);
        for (int s = 0; s < b; s++) {
            double sum = 0;
            for (int cell = 0; cell < cells; cell++) {
                int base = (s * cells + cell) * channels;
                for (int k = 0; k < NcaConfig.RGBA; k++) {
                    double v = x[base + k];
                    double clamped = Math.max(0, Math.min(1, v));
                    double diff = clamped - t[cell * 4 + k];
                    sum += diff * diff;
                    if (gradient != null && v >= 0 && v <= 1) { // torch.clamp passes gradient on [min, max]
                        gradient[base + k] = scale * diff;
                    }
                }
            }
            losses[s] = sum / perSample;
        }
        return losses;
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
