package io.morphospark.jobs.gpu;

import io.morphospark.models.gpu.ComputeBackend;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

/**
 * Executor side: binds the ND4J work of the running task to the GPU Spark assigned it
 * ({@code TaskContext.resources().get("gpu")}), so two tasks of one executor never share a device
 * by accident. On the CPU backend it only records the address; on CUDA it makes that device the
 * current thread's ({@code unsafeSetDevice}), which is what ND4J allocates and computes on.
 */
public final class DevicePinning {
    public static final String GPU = "gpu";

    /** The address the current task thread was pinned to; task threads are reused, so each task sets it anew. */
    private static final ThreadLocal<String> PINNED = new ThreadLocal<>();

    private DevicePinning() {
    }

    /**
     * Pins the calling task thread to its first assigned GPU, if Spark assigned any; without a task
     * (driver-side evaluation) or without GPU resources it clears the pin and does nothing else.
     */
    public static Optional<String> pinToTaskGpu() {
        Optional<String> address = assignedAddress(TaskContext.get());
        PINNED.set(address.orElse(null));
        address.ifPresent(DevicePinning::useOnNd4j);
        return address;
    }

    /** The address this thread's task was pinned to by {@link #pinToTaskGpu()}. */
    public static Optional<String> pinnedAddress() {
        return Optional.ofNullable(PINNED.get());
    }

    static Optional<String> assignedAddress(TaskContext task) {
        if (task == null) {
            return Optional.empty();
        }
        ResourceInformation gpus = task.resourcesJMap().get(GPU);
        if (gpus == null || gpus.addresses().length == 0) {
            return Optional.empty();
        }
        return Optional.of(gpus.addresses()[0]);
    }

    private static void useOnNd4j(String address) {
        if (!ComputeBackend.cudaBuild()) {
            return; // nd4j-native: one CPU device, nothing to select
        }
        int ordinal;
        try {
            ordinal = Integer.parseInt(address.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GPU address '" + address + "' from Spark's discovery script is not a CUDA "
                    + "device ordinal; the script must print the ordinals the executor sees (0, 1, ...)");
        }
        int devices = Nd4j.getAffinityManager().getNumberOfDevices();
        if (ordinal < 0 || ordinal >= devices) {
            throw new IllegalStateException("GPU address " + ordinal + " assigned by Spark, but ND4J sees " + devices
                    + " CUDA device(s) in this executor (CUDA_VISIBLE_DEVICES renumbers them from 0)");
        }
        Nd4j.getAffinityManager().unsafeSetDevice(ordinal);
    }
}
