package io.morphospark.models.nca.cpu;

import io.morphospark.models.nca.NcaConfig;

/**
 * Parameter gradients accumulated per task (a fixed block of rows of one sample), in the kernels'
 * padded layout, and summed over tasks in task order: the same bits however tasks ran.
 */
final class GradientSums {
    private final Task[] tasks;

    /**
     * @param features, hidden, channels the kernels' padded sizes
     * @param w1Columns, w2Columns the hidden and channel counts rounded up to whole SIMD vectors
     */
    GradientSums(int taskCount, int features, int hidden, int channels, int w1Columns, int w2Columns) {
        tasks = new Task[taskCount];
        for (int t = 0; t < taskCount; t++) {
            tasks[t] = new Task(new float[features * w1Columns], w1Columns, new float[hidden],
                    new float[hidden * w2Columns], w2Columns, new float[channels]);
        }
    }

    Task task(int t) {
        return tasks[t];
    }

    /** Row-major gradients in {@code NcaParameters}' shapes: w1 [features, hidden], b1, w2 [hidden, channels], b2. */
    double[][] total(NcaConfig config) {
        int f = config.features();
        int h = config.hidden();
        int c = config.channels();
        double[] w1 = new double[f * h];
        double[] b1 = new double[h];
        double[] w2 = new double[h * c];
        double[] b2 = new double[c];
        for (Task t : tasks) {
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < h; j++) {
                    w1[i * h + j] += t.w1[i * t.w1Columns + j];
                }
            }
            for (int j = 0; j < h; j++) {
                b1[j] += t.b1[j];
                for (int k = 0; k < c; k++) {
                    w2[j * c + k] += t.w2[j * t.w2Columns + k];
                }
            }
            for (int k = 0; k < c; k++) {
                b2[k] += t.b2[k];
            }
        }
        return new double[][] {w1, b1, w2, b2};
    }

    /** One task's buffers: w1 [features padded, w1Columns], b1, w2 [hidden padded, w2Columns], b2. */
    record Task(float[] w1, int w1Columns, float[] b1, float[] w2, int w2Columns, float[] b2) {
    }
}
