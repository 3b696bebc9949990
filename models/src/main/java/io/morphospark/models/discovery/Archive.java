package io.morphospark.models.discovery;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A quality-diversity archive over a two-dimensional descriptor space [0, 1]²: cells (grid or
 * CVT, see {@link CellLayout}) each keep the best evaluation whose descriptors fall in them.
 * QD-score = Σ over elites of (objective − {@link #QD_OFFSET}); coverage = elites / cells.
 */
public final class Archive implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * The declared QD-score offset: performances lie in [0, 1], so 0 keeps every elite's term
     * non-negative and the QD-score can only grow (pyribs's {@code qd_score_offset}).
     */
    public static final double QD_OFFSET = 0;

    public enum Status { NEW, IMPROVED, NOT_ADDED }

    /** The outcome of one insertion; {@code value} is the objective (new), the gain (improved) or the shortfall (≤ 0). */
    public record Insertion(Status status, double value, int cell) implements Serializable {
    }

    private final CellLayout layout;
    private final Elite[] cells;
    private int elites;

    public Archive(CellLayout layout) {
        this.layout = layout;
        this.cells = new Elite[layout.cells()];
    }

    public CellLayout layout() {
        return layout;
    }

    public Insertion insert(double[] genome, double objective, double[] descriptors, int generation, int candidate) {
        int cell = layout.cellOf(descriptors);
        if (!Double.isFinite(objective)) {
            return new Insertion(Status.NOT_ADDED, Double.NEGATIVE_INFINITY, cell);
        }
        Elite old = cells[cell];
        if (old == null) {
            cells[cell] = new Elite(cell, genome.clone(), objective, descriptors.clone(), generation, candidate);
            elites++;
            return new Insertion(Status.NEW, objective, cell);
        }
        if (objective > old.objective()) {
            cells[cell] = new Elite(cell, genome.clone(), objective, descriptors.clone(), generation, candidate);
            return new Insertion(Status.IMPROVED, objective - old.objective(), cell);
        }
        return new Insertion(Status.NOT_ADDED, objective - old.objective(), cell);
    }

    public int size() {
        return elites;
    }

    public boolean isEmpty() {
        return elites == 0;
    }

    public Elite elite(int cell) {
        return cells[cell];
    }

    /** The elites in cell order. */
    public List<Elite> elites() {
        List<Elite> out = new ArrayList<>(elites);
        for (Elite e : cells) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** An elite drawn uniformly (the archive must not be empty). */
    public Elite sample(SplittableRandom rng) {
        int k = rng.nextInt(elites);
        for (Elite e : cells) {
            if (e != null && k-- == 0) {
                return e;
            }
        }
        throw new IllegalStateException("empty archive");
    }

    public double coverage() {
        return elites / (double) cells.length;
    }

    public double qdScore() {
        double s = 0;
        for (Elite e : cells) {
            if (e != null) {
                s += e.objective() - QD_OFFSET;
            }
        }
        return s;
    }

    public double bestObjective() {
        return elites().stream().mapToDouble(Elite::objective).max().orElse(Double.NaN);
    }

    public double meanObjective() {
        return elites().stream().mapToDouble(Elite::objective).average().orElse(Double.NaN);
    }

    /** Equal contents (used to check that a resumed search holds what an uninterrupted one holds). */
    public boolean sameElites(Archive other) {
        if (other.cells.length != cells.length) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            Elite a = cells[i];
            Elite b = other.cells[i];
            if (!Objects.equals(a == null, b == null) || a != null && !(a.objective() == b.objective()
                    && java.util.Arrays.equals(a.genome(), b.genome()) && a.generation() == b.generation()
                    && a.candidate() == b.candidate())) {
                return false;
            }
        }
        return true;
    }
}
