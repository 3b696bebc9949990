package io.morphospark.models.nca.advection;

/**
 * The 16 channels of an advection-NCA cell (the seed's layout) and the 4 of its goal signal.
 * States are row-major {@code [(y·width + x)·COUNT + channel]}, goals {@code [(y·width + x)·GOAL + k]}.
 */
public final class Channels {
    public static final int RED = 0;
    public static final int RGB = 3;
    /** Moved only by {@link Transport}; the network never writes it. */
    public static final int MASS = 3;
    public static final int VX = 4;
    public static final int VY = 5;
    /** The goal's target velocity, copied in every step so that neighbours perceive it. */
    public static final int TARGET_VX = 6;
    public static final int TARGET_VY = 7;
    public static final int HIDDEN = 8;
    public static final int COUNT = 16;

    /** Goal channels: target mass, target velocity (2), proximity. */
    public static final int GOAL_MASS = 0;
    public static final int GOAL_VX = 1;
    public static final int GOAL_VY = 2;
    public static final int GOAL_PROXIMITY = 3;
    public static final int GOAL = 4;

    /**
     * The network's outputs, in order, and the state channel each one updates: RGB, velocity and
     * hidden. Mass and target velocity are not among them.
     */
    static final int[] WRITTEN = {0, 1, 2, VX, VY, 8, 9, 10, 11, 12, 13, 14, 15};

    private Channels() {
    }
}
