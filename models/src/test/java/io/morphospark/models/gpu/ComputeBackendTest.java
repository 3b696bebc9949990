package io.morphospark.models.gpu;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeBackendTest {
    @Test
    void theDefaultBuildComputesOnNd4jNativeOnTheCpu() {
        ComputeBackend backend = ComputeBackend.current();

        assertEquals(ComputeBackend.NATIVE, backend.backend());
        assertFalse(backend.isGpu());
        assertFalse(ComputeBackend.cudaBuild(), "nd4j-cuda on the default build's classpath");
        assertTrue(backend.device().startsWith("cpu (" + Runtime.getRuntime().availableProcessors() + " cores, "),
                backend.device());
        assertNull(backend.computeCapability());
    }

    @Test
    void aCudaDeviceIsDescribedFromNd4jsEnvironmentInformation() {
        Object devices = List.of(
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA A100-SXM4-40GB",
                        Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 8, Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 0),
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA GeForce RTX 3090",
                        Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY, 8, Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY, 6));

        ComputeBackend second = ComputeBackend.cudaDevice(1, devices);

        assertEquals(new ComputeBackend(ComputeBackend.CUDA, "cuda:1 (NVIDIA GeForce RTX 3090)", "8.6"), second);
        assertEquals("nd4j-cuda on cuda:1 (NVIDIA GeForce RTX 3090), compute capability 8.6", second.describe());
        assertEquals(new ComputeBackend(ComputeBackend.CUDA, "cuda:3", null), ComputeBackend.cudaDevice(3, devices));
    }
}
