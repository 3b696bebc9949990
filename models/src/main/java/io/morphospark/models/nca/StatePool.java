package io.morphospark.models.nca;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The sample pool of pool-based training: states at every stage of growth, so the CA learns an
 * attractor (persist, not just grow). Starts as all seeds; batches are written back after training.
 */
public final class StatePool {
    private final INDArray states;
    private final INDArray seed;

    public StatePool(NcaConfig config, int size, int height, int width, DataType type) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        this.seed = Seeds.seed(config, 1, height, width, type);
        this.states = Seeds.seed(config, size, height, width, type);
    }

    /**
     * Every sample's values, exactly: floats for a FLOAT pool (half the size of doubles), else
     * doubles; one of the two is null.
     */
    public record Snapshot(long[] shape, float[] floats, double[] doubles) implements java.io.Serializable {
    }

    /** A copy of the whole pool, for checkpoints. */
    public Snapshot snapshot() {
        INDArray c = states.dup('c');
        return states.dataType() == DataType.FLOAT
                ? new Snapshot(states.shape(), c.data().asFloat(), null)
                : new Snapshot(states.shape(), null, c.data().asDouble());
    }

    /** Puts a {@link #snapshot()} of a pool of this shape back. */
    public void restore(Snapshot snapshot) {
        if (!java.util.Arrays.equals(snapshot.shape(), states.shape())) {
            throw new IllegalArgumentException("pool snapshot has shape " + java.util.Arrays.toString(snapshot.shape())
                    + ", the pool " + java.util.Arrays.toString(states.shape()));
        }
        INDArray values = snapshot.floats() != null
                ? org.nd4j.linalg.factory.Nd4j.create(snapshot.floats(), snapshot.shape(), 'c')
                : org.nd4j.linalg.factory.Nd4j.create(snapshot.doubles(), snapshot.shape(), 'c');
        states.assign(values.castTo(states.dataType()));
    }

    public int size() {
        return (int) states.size(0);
    }

    /** A copy of the samples at {@code indices}, as a batch. */
    public INDArray gather(int[] indices) {
        INDArray batch = org.nd4j.linalg.factory.Nd4j.create(states.dataType(), indices.length, states.size(1),
                states.size(2), states.size(3));
        for (int i = 0; i < indices.length; i++) {
            batch.get(NDArrayIndex.point(i)).assign(sample(indices[i]));
        }
        return batch;
    }

    public void writeBack(int[] indices, INDArray batch) {
        for (int i = 0; i < indices.length; i++) {
            sample(indices[i]).assign(batch.get(NDArrayIndex.point(i)));
        }
    }

    public void reseed(int index) {
        sample(index).assign(seed());
    }

    /** The fresh seed [H, W, C] (a view; do not modify). */
    public INDArray seed() {
        return seed.get(NDArrayIndex.point(0));
    }

    /** A live view of one sample [H, W, C]. */
    public INDArray sample(int index) {
        return states.get(NDArrayIndex.point(index));
    }
}
