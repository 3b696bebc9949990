package io.morphospark.models.agents.world;

import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

/**
 * Stateless random draws keyed by (seed, step, agent id, purpose): each is a hash of its key,
 * so an agent's draw does not depend on how many agents were updated before it, in which order
 * or on which thread. The step key is computed once per step; a draw then costs two mixes and
 * allocates nothing.
 */
public final class Draws {
    /** Keeps agent-world keys apart from other SIMULATION streams ("AGENTS"). */
    private static final long DOMAIN = 0x4147454E5453L;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** What a draw is for; part of its key so that uses never share numbers. */
    public static final int INITIAL_X = 1;
    public static final int INITIAL_Y = 2;
    public static final int INITIAL_HEADING = 3;
    public static final int TURN = 4;
    public static final int CHOICE = 5;
    public static final int NOISE = 6;
    public static final int PROPOSAL = 7;
    public static final int ACCEPT = 8;
    public static final int DAUGHTER = 9;

    private Draws() {
    }

    /** The key shared by all draws of one step (step −1: the initial placement). */
    public static long stepKey(long seed, long step) {
        return RandomStreams.key(seed, Purpose.SIMULATION, DOMAIN, step);
    }

    /** A uniform double in [0, 1). */
    public static double uniform(long stepKey, long agent, int purpose) {
        long z = RandomStreams.mix64(stepKey ^ RandomStreams.mix64(agent * GAMMA + purpose));
        return (z >>> 11) * 0x1.0p-53;
    }

    /** A uniform double in [−1, 1). */
    public static double symmetric(long stepKey, long agent, int purpose) {
        return 2 * uniform(stepKey, agent, purpose) - 1;
    }
}
