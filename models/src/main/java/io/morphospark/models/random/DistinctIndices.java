package io.morphospark.models.random;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Drawing k of n indices without replacement: a partial Fisher–Yates shuffle, reproducible from its stream. */
public final class DistinctIndices {
    private DistinctIndices() {
    }

    /** {@code k} distinct indices in [0, n), in draw order. */
    public static int[] draw(int n, int k, SplittableRandom rng) {
        if (k > n) {
            throw new IllegalArgumentException("batch " + k + " is larger than the pool " + n);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }
}
