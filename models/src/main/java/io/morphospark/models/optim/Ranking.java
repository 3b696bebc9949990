package io.morphospark.models.optim;

import java.util.Arrays;
import java.util.Comparator;

/** Deterministic ranking of fitness values: best first, ties by index, NaN counted as the worst. */
public final class Ranking {
    private Ranking() {
    }

    public static Integer[] bestFirst(double[] fitness) {
        Integer[] order = new Integer[fitness.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> worstIfNaN(fitness[i])).reversed()
                .thenComparingInt(i -> i));
        return order;
    }

    /** NaN fitness ranks below everything, -∞ included. */
    static double worstIfNaN(double f) {
        return Double.isNaN(f) ? Double.NEGATIVE_INFINITY : f;
    }
}
