package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between NHWC batches [B, H, W, C] and plain Java grids {@code [y][x][c]}. */
public final class Grids {
    private Grids() {
    }

    public static double[][][] grid(INDArray batch, int b) {
        int h = (int) batch.size(1);
        int w = (int) batch.size(2);
        int c = (int) batch.size(3);
        double[] flat = batch.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b)).dup('c').data().asDouble();
        double[][][] g = new double[h][w][c];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    g[y][x][k] = flat[i++];
                }
            }
        }
        return g;
    }

    public static INDArray batch(DataType type, double[][][]... grids) {
        int h = grids[0].length;
        int w = grids[0][0].length;
        int c = grids[0][0][0].length;
        double[] flat = new double[grids.length * h * w * c];
        int i = 0;
        for (double[][][] g : grids) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        flat[i++] = g[y][x][k];
                    }
                }
            }
        }
        return Nd4j.create(flat, new long[] {grids.length, h, w, c}, DataType.DOUBLE).castTo(type);
    }
}
