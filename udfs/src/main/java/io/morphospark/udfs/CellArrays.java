package io.morphospark.udfs;

import io.morphospark.models.regulatory.LateralInhibitionSimulator;
import scala.collection.Seq;

/**
 * Functions over one row of cells held in a Spark array column. Spark hands array arguments of
 * Java UDFs over as Scala sequences of boxed values, so the element type is checked here, once.
 */
public final class CellArrays {
    private CellArrays() {
    }

    /** Fates 0/1 (any integer type, or booleans) as a pattern string, {@code [1,0,1] → "101"}. */
    public static String fateString(String function, Seq<?> fates) {
        StringBuilder pattern = new StringBuilder(fates.length());
        for (int i = 0; i < fates.length(); i++) {
            pattern.append(fateAt(function, fates, i) ? '1' : '0');
        }
        return pattern.toString();
    }

    /** Thresholds continuous states into fates (the simulator's own rule, {@code s ≥ 0.5 → 1}). */
    public static String statePattern(String function, Seq<?> states) {
        float[] values = new float[states.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) numberAt(function, states, i);
        }
        byte[] fates = LateralInhibitionSimulator.threshold(values);
        StringBuilder pattern = new StringBuilder(fates.length);
        for (byte fate : fates) {
            pattern.append(fate == 1 ? '1' : '0');
        }
        return pattern.toString();
    }

    /**
     * Mean cell state, summed in double precision. NULL elements are skipped and an array
     * without values has no mean (NULL), as SQL's {@code avg} treats rows.
     */
    public static Double mean(String function, Seq<?> states) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < states.length(); i++) {
            if (states.apply(i) != null) {
                sum += numberAt(function, states, i);
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static boolean fateAt(String function, Seq<?> fates, int i) {
        Object v = fates.apply(i);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            long fate = ((Number) v).longValue();
            if (fate == 0 || fate == 1) {
                return fate == 1;
            }
        }
        throw new IllegalArgumentException(function + ": element " + i + " of " + fates.mkString("[", ",", "]")
                + " is " + v + "; fates are 0 or 1");
    }

    private static double numberAt(String function, Seq<?> values, int i) {
        Object v = values.apply(i);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(function + ": element " + i + " is " + v + ", not a number");
    }
}
