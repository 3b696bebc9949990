package io.morphospark.models.agents.world;

import java.io.Serializable;

/**
 * A scalar field on a square grid over the domain (a chemical or morphogen): agents read its
 * value and gradient at their position, deposit into the cell they stand in, and the field
 * diffuses (explicit 5-point Laplacian) and decays once per step. Periodic on a torus, no-flux
 * at walls.
 */
public final class Field implements Serializable {
    private final int cells;
    private final double cellSize;
    private final boolean periodic;
    private double[] value;
    private double[] next;

    public Field(double side, double cellSize, boolean periodic) {
        this.cells = Math.max(3, (int) Math.round(side / cellSize));
        this.cellSize = side / cells;
        this.periodic = periodic;
        this.value = new double[cells * cells];
        this.next = new double[cells * cells];
    }

    public int cells() {
        return cells;
    }

    public double cellSize() {
        return cellSize;
    }

    public double[] values() {
        return value;
    }

    private int index(double coordinate) {
        int i = (int) (coordinate / cellSize);
        return i < 0 ? 0 : Math.min(cells - 1, i);
    }

    private int neighbour(int i, int d) {
        int j = i + d;
        if (j < 0) {
            return periodic ? cells - 1 : 0;
        }
        if (j >= cells) {
            return periodic ? 0 : cells - 1;
        }
        return j;
    }

    public double at(double x, double y) {
        return value[index(y) * cells + index(x)];
    }

    /** ∂c/∂x by central differences (one-sided at a wall), per unit length. */
    public double gradientX(double x, double y) {
        int gx = index(x);
        int row = index(y) * cells;
        return (value[row + neighbour(gx, 1)] - value[row + neighbour(gx, -1)]) / (2 * cellSize);
    }

    public double gradientY(double x, double y) {
        int gx = index(x);
        int gy = index(y);
        return (value[neighbour(gy, 1) * cells + gx] - value[neighbour(gy, -1) * cells + gx]) / (2 * cellSize);
    }

    public void deposit(double x, double y, double amount) {
        value[index(y) * cells + index(x)] += amount;
    }

    public void set(int gx, int gy, double v) {
        value[gy * cells + gx] = v;
    }

    /** c ← (1 − k)·(c + D·∇²c), D < 1/4 for stability. */
    public void diffuseAndDecay(double diffusion, double decay) {
        double keep = 1 - decay;
        for (int gy = 0; gy < cells; gy++) {
            int up = neighbour(gy, -1) * cells;
            int down = neighbour(gy, 1) * cells;
            int row = gy * cells;
            for (int gx = 0; gx < cells; gx++) {
                double c = value[row + gx];
                double lap = value[row + neighbour(gx, -1)] + value[row + neighbour(gx, 1)] + value[up + gx] + value[down + gx]
                        - 4 * c;
                next[row + gx] = keep * (c + diffusion * lap);
            }
        }
        double[] t = value;
        value = next;
        next = t;
    }

    public double total() {
        double s = 0;
        for (double v : value) {
            s += v;
        }
        return s;
    }
}
