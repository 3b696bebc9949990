package io.morphospark.models.nca;

/**
 * Two ways to express the per-cell MLP; they compute the same function, but ND4J runs them
 * through different kernels, so {@code morphospark bench nca} measures both.
 */
public enum MlpForm {
    /** Reshape [B, H, W, F] → [B·H·W, F] and multiply: one tall-skinny GEMM per layer. */
    MATMUL,
    /** A 1×1 convolution over the NHWC grid (PyTorch's formulation). */
    CONV1X1
}
