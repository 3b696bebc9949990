package io.morphospark.models.nca;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Inference: run a trained CA forward, all cells firing (the seed's eval mode) or stochastically. */
public final class Growth {
    /** Sees the state every {@code stride} steps, and at step 0. */
    @FunctionalInterface
    public interface Observer {
        void frame(int step, INDArray state);
    }

    private final NcaEngine engine;

    public Growth(NcaParameters parameters, NcaEngine.Kind engine, double fireRate, long seed) {
        this.engine = NcaEngine.create(engine, parameters, fireRate, seed, true);
    }

    /**
     * Runs steps [from, from + steps) on {@code state}; fire masks are keyed by (seed, run, step), so
     * a run split in pieces (grow, damage, regrow) draws what one run would.
     */
    public INDArray run(INDArray state, long run, int from, int steps, int stride, Observer observer) {
        return engine.run(state, run, from, steps, stride, observer);
    }
}
