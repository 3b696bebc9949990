package io.morphospark.models.patterns;

/** Parameter checks whose messages name the parameter, shared by every model's record. */
public final class Checks {
    private Checks() {
    }

    public static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
        return v;
    }

    public static double nonNegative(String name, double v) {
        if (!(finite(name, v) >= 0)) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + v);
        }
        return v;
    }

    public static double positive(String name, double v) {
        if (!(finite(name, v) > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }

    public static double probability(String name, double v) {
        if (!(finite(name, v) >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + v);
        }
        return v;
    }

    public static int atLeast(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    public static <T> T present(String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must be given");
        }
        return v;
    }
}
