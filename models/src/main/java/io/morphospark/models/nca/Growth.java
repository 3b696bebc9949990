package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Inference: run a trained CA forward, all cells firing (the seed's eval mode) or stochastically. */
public final class Growth {
    /** Sees the state every {@code stride} steps, and at step 0. */
    @FunctionalInterface
    public interface Observer {
        void frame(int step, INDArray state);
    }

    private final NcaStep step;
    private final double fireRate;
    private final long seed;

    public Growth(NcaParameters parameters, MlpForm form, double fireRate, long seed) {
        if (!(fireRate > 0 && fireRate <= 1)) {
            throw new IllegalArgumentException("fire rate must be in (0, 1], got " + fireRate);
        }
        this.step = NcaStep.build(parameters, form);
        this.fireRate = fireRate;
        this.seed = seed;
    }

    /**
     * Runs steps [from, from + steps) on {@code state}; fire masks are keyed by (seed, run, step), so
     * a run split in pieces (grow, damage, regrow) draws what one run would.
     */
    public INDArray run(INDArray state, long run, int from, int steps, int stride, Observer observer) {
        INDArray x = state;
        if (observer != null && from == 0) {
            observer.frame(0, x);
        }
        for (int t = from; t < from + steps; t++) {
            x = step.next(x, FireMask.sample(fireRate, (int) x.size(0), (int) x.size(1), (int) x.size(2),
                    x.dataType(), seed, run, t));
            if (observer != null && (t + 1) % stride == 0) {
                observer.frame(t + 1, x);
            }
        }
        return x;
    }

    public NcaStep step() {
        return step;
    }
}
