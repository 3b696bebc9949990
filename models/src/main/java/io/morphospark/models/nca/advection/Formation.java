package io.morphospark.models.nca.advection;

import java.util.Locale;

/**
 * The seed's three formations, as continuous shapes of a given area centred on the origin, axis
 * aligned (u along the columns, v along the rows). {@link #depth} is positive inside: the
 * distance to the nearest edge (what {@link Formations} ranks cells by).
 */
public enum Formation {
    /** A bar 2 cells thick and area/2 long. */
    LINE {
        @Override
        double depth(double u, double v, double area) {
            return Math.min(length(area) / 2 - Math.abs(u), THICKNESS / 2 - Math.abs(v));
        }

        @Override
        double[][] corners(double area) {
            double l = length(area) / 2;
            double t = THICKNESS / 2;
            return new double[][] {{-l, -t}, {l, -t}, {l, t}, {-l, t}};
        }

        @Override
        String dimensions(double area) {
            return String.format(Locale.ROOT, "%.0f x %.0f cells", length(area), THICKNESS);
        }

        private double length(double area) {
            return area / THICKNESS;
        }
    },
    /** A hollow square whose walls are 2 cells thick: side s with s² − (s − 4)² = 8s − 16 = area. */
    SQUARE {
        @Override
        double depth(double u, double v, double area) {
            double half = side(area) / 2;
            double r = Math.max(Math.abs(u), Math.abs(v));
            return Math.min(half - r, r - (half - THICKNESS));
        }

        @Override
        double[][] corners(double area) {
            double h = side(area) / 2;
            return new double[][] {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
        }

        @Override
        String dimensions(double area) {
            return String.format(Locale.ROOT, "side %.1f cells", side(area));
        }

        private double side(double area) {
            return area / 8 + 2;
        }
    },
    /** An isosceles triangle pointing left, as long as its base: area = L²/2. */
    WEDGE {
        @Override
        double depth(double u, double v, double area) {
            double l = length(area);
            double toBase = l / 2 - u;
            // the sides run from the apex (−L/2, 0) with slope ±1/2
            double toSide = ((u + l / 2) / 2 - Math.abs(v)) / Math.sqrt(1.25);
            return Math.min(toBase, toSide);
        }

        @Override
        double[][] corners(double area) {
            double h = length(area) / 2;
            return new double[][] {{-h, 0}, {h, -h}, {h, h}};
        }

        @Override
        String dimensions(double area) {
            return String.format(Locale.ROOT, "%.1f cells long", length(area));
        }

        private double length(double area) {
            return Math.sqrt(2 * area);
        }
    };

    static final double THICKNESS = 2;

    /** Signed distance of (u, v) to the shape's boundary, positive inside. */
    abstract double depth(double u, double v, double area);

    /** The shape's extreme points (it is their convex hull, or inside it). */
    abstract double[][] corners(double area);

    /** Its size in words, for error messages. */
    abstract String dimensions(double area);

    /** LINE, line, Line → LINE; IllegalArgumentException naming the choices otherwise. */
    public static Formation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown formation '" + name + "' (line, square or wedge)");
        }
    }
}
