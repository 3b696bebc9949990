package io.morphospark.models.patterns;

import java.io.Serializable;

/**
 * The valid values of one model parameter, declared once beside the model's parameter record and
 * used twice: by the record's constructor (so no simulator ever runs on an invalid value) and by
 * whoever checks a sweep before anything runs (so every value a sweep can draw is known to be
 * valid before the first executor starts). Values lie in [lo, hi] ({@code lo} itself excluded when
 * {@code loOpen}), and are whole numbers when {@code integer}.
 */
public record ParamSpec(String name, double lo, boolean loOpen, double hi, boolean integer) implements Serializable {

    public ParamSpec {
        if (name == null || name.isBlank() || Double.isNaN(lo) || Double.isNaN(hi) || !(lo <= hi)) {
            throw new IllegalArgumentException("bad parameter declaration " + name + " [" + lo + ", " + hi + "]");
        }
    }

    public static ParamSpec between(String name, double lo, double hi) {
        return new ParamSpec(name, lo, false, hi, false);
    }

    public static ParamSpec probability(String name) {
        return between(name, 0, 1);
    }

    public static ParamSpec nonNegative(String name) {
        return between(name, 0, Double.POSITIVE_INFINITY);
    }

    public static ParamSpec positive(String name) {
        return new ParamSpec(name, 0, true, Double.POSITIVE_INFINITY, false);
    }

    public static ParamSpec integer(String name, int lo, int hi) {
        return new ParamSpec(name, lo, false, hi, true);
    }

    /** Why {@code v} is not a valid value, without the parameter's name; {@code null} when it is valid. */
    public String problem(double v) {
        if (!Double.isFinite(v)) {
            return "must be a finite number, got " + v;
        }
        boolean inside = v >= lo && !(loOpen && v == lo) && v <= hi;
        if (integer && (v != Math.rint(v) || !inside)) {
            return "must be a whole number in " + interval() + ", got " + format(v);
        }
        return inside ? null : "must lie in " + interval() + ", got " + format(v);
    }

    /** Returns {@code v} if it is valid, else throws an exception whose message starts with the name. */
    public double check(double v) {
        String problem = problem(v);
        if (problem != null) {
            throw new IllegalArgumentException(name + " " + problem);
        }
        return v;
    }

    public int check(int v) {
        check((double) v);
        return v;
    }

    /** The valid values in interval notation, e.g. [0, 1] or (0, ∞). */
    public String interval() {
        return (loOpen ? "(" : "[") + format(lo) + ", " + format(hi) + (hi == Double.POSITIVE_INFINITY ? ")" : "]");
    }

    /**
     * The value a sweep's real-valued draw {@code v} becomes: itself, or for a whole-number
     * parameter the nearest whole number (halves round up), checked either way.
     */
    public double resolve(double v) {
        return check(integer && Double.isFinite(v) ? Math.floor(v + 0.5) : v);
    }

    private static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "−∞";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
