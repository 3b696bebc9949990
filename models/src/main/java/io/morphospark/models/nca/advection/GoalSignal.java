package io.morphospark.models.nca.advection;

/**
 * What the network is told about its target (the seed's 4-channel goal signal), per cell: the
 * target mass; a target velocity, the normalised central-difference gradient of the target
 * blurred four times with a 3×3 box (edge padding), i.e. uphill toward the target; and the
 * proximity, the blurred target over its maximum.
 */
public final class GoalSignal {
    private static final int BLURS = 4;
    private static final double EPSILON = 1e-8;

    private GoalSignal() {
    }

    /** Goal [cell·4 + k] of a target mass field [y·width + x]. */
    public static double[] of(double[] target, int height, int width) {
        double[] blurred = target;
        for (int i = 0; i < BLURS; i++) {
            blurred = boxBlur(blurred, height, width);
        }
        double max = 0;
        for (double v : blurred) {
            max = Math.max(max, v);
        }
        double[] goal = new double[height * width * Channels.GOAL];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double gx = (at(blurred, height, width, y, x + 1) - at(blurred, height, width, y, x - 1)) / 2;
                double gy = (at(blurred, height, width, y + 1, x) - at(blurred, height, width, y - 1, x)) / 2;
                double norm = Math.sqrt(gx * gx + gy * gy + EPSILON);
                int g = i * Channels.GOAL;
                goal[g + Channels.GOAL_MASS] = target[i];
                goal[g + Channels.GOAL_VX] = gx / norm;
                goal[g + Channels.GOAL_VY] = gy / norm;
                goal[g + Channels.GOAL_PROXIMITY] = blurred[i] / (max + EPSILON);
            }
        }
        return goal;
    }

    private static double[] boxBlur(double[] v, int height, int width) {
        double[] out = new double[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        s += at(v, height, width, y + dy, x + dx);
                    }
                }
                out[y * width + x] = s / 9;
            }
        }
        return out;
    }

    /** Edge padding: a coordinate outside the grid reads the nearest edge cell. */
    private static double at(double[] v, int height, int width, int y, int x) {
        int yy = Math.max(0, Math.min(height - 1, y));
        int xx = Math.max(0, Math.min(width - 1, x));
        return v[yy * width + xx];
    }

    /** The goal's target mass channel. */
    public static double[] targetMass(double[] goal) {
        double[] t = new double[goal.length / Channels.GOAL];
        for (int i = 0; i < t.length; i++) {
            t[i] = goal[i * Channels.GOAL + Channels.GOAL_MASS];
        }
        return t;
    }
}
