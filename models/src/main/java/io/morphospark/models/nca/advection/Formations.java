package io.morphospark.models.nca.advection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Formations as mass fields on a grid: exactly round(mass / density) cells, each holding
 * mass / cells (density 1 for a whole number), so the total is the requested mass; the shape is
 * rotated by an angle about the grid centre. Cells are the ones whose centres lie deepest inside
 * the continuous shape, so rotated shapes keep their cell count exactly.
 */
public final class Formations {
    private Formations() {
    }

    /** Cells a formation of this mass occupies. */
    public static int cells(double mass, double density) {
        if (!(mass > 0) || !(density > 0) || Double.isInfinite(mass)) {
            throw new IllegalArgumentException("formation mass and density must be positive, got mass " + mass
                    + ", density " + density);
        }
        return Math.max(1, (int) Math.round(mass / density));
    }

    /**
     * Throws IllegalArgumentException naming the formation when it would cross the grid edge at
     * some rotation in [−maxDegrees, maxDegrees] (the reference silently drew an empty LINE).
     */
    public static void requireFits(Formation f, int height, int width, double mass, double density, double maxDegrees) {
        int steps = (int) Math.ceil(2 * maxDegrees / 0.5);
        for (int i = 0; i <= steps; i++) {
            double angle = steps == 0 ? 0 : -maxDegrees + 2 * maxDegrees * i / steps;
            if (!fits(f, height, width, mass, density, angle)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "formation %s of mass %s (%s) does not fit a %dx%d grid%s", f, trim(mass),
                        f.dimensions(cells(mass, density)), height, width,
                        maxDegrees > 0 ? " rotated up to ±" + trim(maxDegrees) + "°" : ""));
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean fits(Formation f, int height, int width, double mass, double density, double degrees) {
        double area = cells(mass, density);
        double[] centre = centre(f, height, width, area, degrees);
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        for (double[] c : f.corners(area)) {
            double x = centre[1] + cos * c[0] - sin * c[1];
            double y = centre[0] + sin * c[0] + cos * c[1];
            if (x < -1e-9 || x > width + 1e-9 || y < -1e-9 || y > height + 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The mass field [y·width + x] of formation f rotated by {@code degrees}. */
    public static double[] render(Formation f, int height, int width, double mass, double density, double degrees) {
        if (!fits(f, height, width, mass, density, degrees)) {
            requireFits(f, height, width, mass, density, Math.abs(degrees));
        }
        int cells = cells(mass, density);
        double[] centre = centre(f, height, width, cells, degrees);
        double[] depth = depths(f, height, width, cells, degrees, centre);
        double[] distance = new double[depth.length];
        for (int i = 0; i < depth.length; i++) {
            distance[i] = Math.hypot(i / width + 0.5 - centre[0], i % width + 0.5 - centre[1]);
        }
        // deepest first; ties (symmetric cells) go to the one nearer the centre, then the lower index
        Integer[] order = IntStream.range(0, depth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -depth[i]).thenComparingDouble(i -> distance[i])
                .thenComparingInt(i -> i));
        double[] field = new double[height * width];
        double value = mass / cells;
        for (int k = 0; k < cells; k++) {
            field[order[k]] = value;
        }
        return field;
    }

    /**
     * The centre among the grid centre and its half-cell shifts whose raster has the cell count
     * nearest the area: a 2-thick line needs its axis on a cell edge, a 27-wide square on a cell centre.
     */
    private static double[] centre(Formation f, int height, int width, double area, double degrees) {
        double[] best = null;
        long bestMiss = Long.MAX_VALUE;
        for (double oy : new double[] {0, 0.5}) {
            for (double ox : new double[] {0, 0.5}) {
                double[] c = {height / 2.0 + oy, width / 2.0 + ox};
                long inside = Arrays.stream(depths(f, height, width, area, degrees, c)).filter(d -> d > 0).count();
                long miss = Math.abs(inside - Math.round(area));
                if (miss < bestMiss) {
                    bestMiss = miss;
                    best = c;
                }
            }
        }
        return best;
    }

    private static double[] depths(Formation f, int height, int width, double area, double degrees, double[] centre) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double[] d = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - centre[1];
                double dy = y + 0.5 - centre[0];
                // the shape is rotated by +angle, so a cell centre is rotated back by −angle into shape coordinates
                double u = cos * dx + sin * dy;
                double v = -sin * dx + cos * dy;
                d[y * width + x] = f.depth(u, v, area);
            }
        }
        return d;
    }

    /** A full state [cell·16 + channel] holding this mass: red, hidden channels 0.1 where there is mass (the seed's). */
    public static double[] state(double[] mass) {
        double[] s = new double[mass.length * Channels.COUNT];
        for (int i = 0; i < mass.length; i++) {
            int base = i * Channels.COUNT;
            s[base + Channels.MASS] = mass[i];
            if (mass[i] > 0.01) {
                s[base + Channels.RED] = 1;
                for (int c = Channels.HIDDEN; c < Channels.COUNT; c++) {
                    s[base + c] = 0.1;
                }
            }
        }
        return s;
    }

    /** The mass channel of a state. */
    public static double[] mass(double[] state) {
        double[] m = new double[state.length / Channels.COUNT];
        for (int i = 0; i < m.length; i++) {
            m[i] = state[i * Channels.COUNT + Channels.MASS];
        }
        return m;
    }
}
