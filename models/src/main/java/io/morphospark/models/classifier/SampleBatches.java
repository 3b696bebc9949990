package io.morphospark.models.classifier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A streaming DL4J iterator over samples: it holds one batch at a time and asks {@code source} for
 * a fresh pass on reset, so its memory does not grow with the dataset. A batch ends early when the
 * next sample has another shape (a fully convolutional network evaluates mixed grid sizes).
 * Features NCHW float32, labels one-hot.
 */
public final class SampleBatches implements DataSetIterator {
    private final Supplier<Iterator<PatternSample>> source;
    private final int batch;
    private final List<String> labels;
    private final int channels;
    private Iterator<PatternSample> current;
    private PatternSample pending;
    private DataSetPreProcessor preProcessor;

    public SampleBatches(Supplier<Iterator<PatternSample>> source, int batch, List<String> labels, int channels) {
        this.source = source;
        this.batch = batch;
        this.labels = List.copyOf(labels);
        this.channels = channels;
    }

    @Override
    public boolean hasNext() {
        if (current == null) {
            current = source.get();
        }
        return pending != null || current.hasNext();
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    /** The ids of the last batch returned, in row order. */
    private long[] lastIds = new long[0];

    public long[] lastIds() {
        return lastIds;
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PatternSample first = pending != null ? pending : current.next();
        pending = null;
        java.util.ArrayList<PatternSample> rows = new java.util.ArrayList<>(num);
        rows.add(first);
        while (rows.size() < num && current.hasNext()) {
            PatternSample s = current.next();
            if (s.height() != first.height() || s.width() != first.width()) {
                pending = s;
                break;
            }
            rows.add(s);
        }
        int n = rows.size();
        int size = first.values().length;
        float[] features = new float[n * size];
        float[] oneHot = new float[n * labels.size()];
        lastIds = new long[n];
        for (int i = 0; i < n; i++) {
            PatternSample s = rows.get(i);
            System.arraycopy(s.values(), 0, features, i * size, size);
            if (s.label() >= 0) {
                oneHot[i * labels.size() + s.label()] = 1f;
            }
            lastIds[i] = s.id();
        }
        INDArray f = Nd4j.create(features, new long[] {n, channels, first.height(), first.width()}, DataType.FLOAT);
        INDArray l = Nd4j.create(oneHot, new long[] {n, labels.size()}, DataType.FLOAT);
        DataSet ds = new DataSet(f, l);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public int inputColumns() {
        return -1; // depends on the grid side
    }

    @Override
    public int totalOutcomes() {
        return labels.size();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false; // the source already streams; a prefetch thread would only add a second copy
    }

    @Override
    public void reset() {
        current = null;
        pending = null;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return labels;
    }
}
