package io.morphospark.models.agents.world;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The domain and population of an agent world.
 *
 * @param agents        initial number of agents (at least 2)
 * @param side          side L of the square domain
 * @param periodic      torus if true, reflecting walls otherwise
 * @param radius        interaction radius R (neighbours, signals, adhesion)
 * @param core          core diameter as a fraction of R (excluded volume of mechanics and energy)
 * @param typeFractions fractions of types A, B (and C), summing to 1; agents are typed in order
 * @param division      whether agents take up energy, divide and die (energy budget below)
 * @param maxAgents     the population cap when dividing
 */
public record WorldSettings(int agents, double side, boolean periodic, double radius, double core,
                            double[] typeFractions, boolean division, int maxAgents) implements Serializable {
    /** Energy budget per step (division on): uptake × resource level, minus basal and motion costs. */
    public static final double INITIAL_ENERGY = 1.0;
    public static final double UPTAKE = 0.03;
    public static final double BASAL_COST = 0.01;
    public static final double MOVE_COST = 0.01;
    /** An agent at this energy divides into two of half of it (learning_based: when it chooses to, above half of it). */
    public static final double DIVISION_ENERGY = 2.0;
    /** The highest packing fraction N·π(core·R/2)²/L² a domain may be asked to hold. */
    public static final double MAX_PACKING = 0.9;

    public WorldSettings {
        if (agents < 2) {
            throw new IllegalArgumentException("agents must be at least 2, got " + agents);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive, got " + radius);
        }
        if (!(core > 0 && core <= 1)) {
            throw new IllegalArgumentException("core must be in (0, 1] (a fraction of the radius), got " + core);
        }
        if (!(side >= 3 * radius) || Double.isInfinite(side)) {
            throw new IllegalArgumentException("side " + side + " is too small: the domain must be at least 3 radii ("
                    + 3 * radius + ") across");
        }
        double coreDiameter = core * radius;
        double packing = agents * Math.PI * coreDiameter * coreDiameter / 4 / (side * side);
        if (packing > MAX_PACKING) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "side %.4g is too small for %d agents of core diameter %.4g (packing %.2f > %.2f)", side, agents,
                    coreDiameter, packing, MAX_PACKING));
        }
        if (typeFractions.length < 1 || typeFractions.length > 3) {
            throw new IllegalArgumentException("type fractions: 1 to 3 types (A, B, C), got " + typeFractions.length);
        }
        double sum = 0;
        for (double f : typeFractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("type fractions must lie in [0, 1], got " + Arrays.toString(typeFractions));
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("type fractions must sum to 1, got " + Arrays.toString(typeFractions));
        }
        if (maxAgents < agents) {
            throw new IllegalArgumentException("max agents " + maxAgents + " is below the initial agents " + agents);
        }
        typeFractions = typeFractions.clone();
    }

    /** Two equal types at the given density (agents per R²), no division. */
    public static WorldSettings ofDensity(int agents, double density, boolean periodic) {
        if (!(density > 0)) {
            throw new IllegalArgumentException("density must be positive, got " + density);
        }
        return new WorldSettings(agents, Math.sqrt(agents / density), periodic, 1.0, 0.4, new double[] {0.5, 0.5}, false,
                agents);
    }

    public WorldSettings withAgents(int n) {
        return new WorldSettings(n, side, periodic, radius, core, typeFractions, division, Math.max(n, maxAgents));
    }

    public WorldSettings withSide(double l) {
        return new WorldSettings(agents, l, periodic, radius, core, typeFractions, division, maxAgents);
    }

    public WorldSettings withPeriodic(boolean p) {
        return new WorldSettings(agents, side, p, radius, core, typeFractions, division, maxAgents);
    }

    public WorldSettings withRadius(double r) {
        return new WorldSettings(agents, side, periodic, r, core, typeFractions, division, maxAgents);
    }

    public WorldSettings withTypeFractions(double... f) {
        return new WorldSettings(agents, side, periodic, radius, core, f, division, maxAgents);
    }

    /** Division on, the population capped at {@code cap}. */
    public WorldSettings withDivision(boolean on, int cap) {
        return new WorldSettings(agents, side, periodic, radius, core, typeFractions, on, Math.max(cap, agents));
    }

    public int types() {
        return typeFractions.length;
    }

    /** Agents of each type at the start: floors of N·f, the remainder to the first types. */
    public int[] typeCounts() {
        int[] counts = new int[typeFractions.length];
        int assigned = 0;
        for (int t = 0; t < counts.length; t++) {
            counts[t] = (int) Math.floor(agents * typeFractions[t]);
            assigned += counts[t];
        }
        for (int t = 0; assigned < agents; t = (t + 1) % counts.length) {
            counts[t]++;
            assigned++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorldSettings w && w.agents == agents && w.side == side && w.periodic == periodic
                && w.radius == radius && w.core == core && Arrays.equals(w.typeFractions, typeFractions)
                && w.division == division && w.maxAgents == maxAgents;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {agents, side, periodic ? 1 : 0, radius, core, division ? 1 : 0, maxAgents})
                * 31 + Arrays.hashCode(typeFractions);
    }
}
