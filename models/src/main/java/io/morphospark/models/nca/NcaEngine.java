package io.morphospark.models.nca;

import io.morphospark.models.nca.cpu.FusedCpuEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;
import java.util.Map;

/**
 * What runs a growing NCA: forward runs (inference, training unrolls) and backprop through time.
 * Two implementations compute the same function: SameDiff graphs (any ND4J backend, so CUDA
 * executors) and a fused CPU kernel (≈10× faster on CPU, see docs/BENCHMARKS.md). Both take the
 * fire mask of step t of run r from the same {@link FireMask}, so the engines are interchangeable
 * mid-experiment.
 */
public interface NcaEngine {
    /** Which engine: {@code AUTO} is FUSED on ND4J's CPU backend and SameDiff (matmul) elsewhere. */
    enum Kind {
        AUTO, FUSED, MATMUL, CONV1X1;

        public static Kind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown NCA engine '" + name + "' (auto, fused, matmul or conv1x1)");
            }
        }

        public Kind resolve() {
            if (this != AUTO) {
                return this;
            }
            return Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu") ? FUSED : MATMUL;
        }
    }

    /** A run's final state plus what its backward pass needs. */
    interface Rollout {
        INDArray last();
    }

    /** An engine whose cells fire with probability {@code fireRate}, masks keyed by (seed, run, step). */
    static NcaEngine create(Kind kind, NcaParameters parameters, double fireRate, long seed, boolean parallel) {
        return create(kind, parameters, FireMask.random(fireRate, seed), parallel);
    }

    static NcaEngine create(Kind kind, NcaParameters parameters, FireMask fireMask, boolean parallel) {
        return switch (kind.resolve()) {
            case FUSED -> {
                io.morphospark.models.gpu.ComputeBackend.noteCpuOnly("the fused CPU NCA engine (--engine fused)");
                yield new FusedCpuEngine(parameters, fireMask, parallel);
            }
            case MATMUL -> new SameDiffEngine(parameters, MlpForm.MATMUL, fireMask);
            case CONV1X1 -> new SameDiffEngine(parameters, MlpForm.CONV1X1, fireMask);
            case AUTO -> throw new IllegalStateException("resolve() never returns AUTO");
        };
    }

    /** Runs steps [from, from + steps) of run {@code run} on a batch [B, H, W, C]; observer sees step 0 (if from is 0) and every stride-th. */
    INDArray run(INDArray state, long run, int from, int steps, int stride, Growth.Observer observer);

    /** Runs {@code steps} steps from {@code start}, keeping what {@link #backward} needs. */
    Rollout forward(INDArray start, long run, int steps);

    /** Parameter gradients (by name) of the loss whose gradient w.r.t. the rollout's last state is {@code upstream}. */
    Map<String, INDArray> backward(Rollout rollout, INDArray upstream);

    /** Re-reads the parameter arrays after an optimiser changed them. */
    void parametersChanged();
}
