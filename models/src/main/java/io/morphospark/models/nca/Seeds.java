package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Starting states: one live cell at the centre, alpha (and, for Distill's seed, the hidden channels) 1, RGB 0. */
public final class Seeds {
    private Seeds() {
    }

    /** A batch of identical seeds [batch, height, width, channels]. */
    public static INDArray seed(NcaConfig config, int batch, int height, int width, DataType type) {
        INDArray s = Nd4j.zeros(type, batch, height, width, config.channels());
        s.get(NDArrayIndex.all(), NDArrayIndex.point(height / 2), NDArrayIndex.point(width / 2),
                NDArrayIndex.interval(NcaConfig.ALPHA, lastOne(config))).assign(1.0);
        return s;
    }

    /** One past the last channel of the seed cell that is 1. */
    private static int lastOne(NcaConfig config) {
        return config.seedCell() == NcaConfig.SeedCell.ALPHA ? NcaConfig.ALPHA + 1 : config.channels();
    }
}
