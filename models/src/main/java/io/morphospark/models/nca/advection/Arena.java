package io.morphospark.models.nca.advection;

/**
 * Where transitions happen: a height × width grid, the total mass every formation and starting
 * state holds (at {@code density} per occupied cell) and the largest random rotation of training
 * targets. The constructor checks that every formation fits at every such rotation.
 */
public record Arena(int height, int width, double mass, double density, double maxRotationDegrees) {
    /** The seed's: 128 × 128, mass 200 at density 1, targets rotated by up to ±30°. */
    public static final Arena SEED = new Arena(128, 128, 200, 1, 30);

    public Arena {
        if (height < 3 || width < 3) {
            throw new IllegalArgumentException("grid must be at least 3x3, got " + height + "x" + width);
        }
        if (!(mass > 0) || Double.isInfinite(mass)) {
            throw new IllegalArgumentException("mass must be positive, got " + mass);
        }
        if (!(density > 0)) {
            throw new IllegalArgumentException("density must be positive, got " + density);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be in [0, 180] degrees, got " + maxRotationDegrees);
        }
        for (Formation f : Formation.values()) {
            Formations.requireFits(f, height, width, mass, density, maxRotationDegrees);
        }
    }

    public int cells() {
        return height * width;
    }

    public double[] render(Formation f, double degrees) {
        return Formations.render(f, height, width, mass, density, degrees);
    }
}
