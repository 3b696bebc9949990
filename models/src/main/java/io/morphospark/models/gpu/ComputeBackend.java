package io.morphospark.models.gpu;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ND4J backend this JVM computes with, as the build or the classpath chose it: {@code nd4j-native}
 * (the default build) or {@code nd4j-cuda} (the {@code cuda} Maven profile). Recorded in
 * {@code run.json} and said once on the console, so a run states where its neural work ran.
 *
 * @param backend            {@code nd4j-native} or {@code nd4j-cuda}
 * @param device             what the work runs on: the CPU (cores, BLAS) or the CUDA device of this thread
 * @param computeCapability  CUDA compute capability ("8.0") of that device; null on the CPU backend
 */
public record ComputeBackend(String backend, String device, String computeCapability) {
    public static final String NATIVE = "nd4j-native";
    public static final String CUDA = "nd4j-cuda";

    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final Logger LOG = LoggerFactory.getLogger(ComputeBackend.class);
    private static volatile ComputeBackend current;
    private static final Set<String> FALLBACKS_SAID = ConcurrentHashMap.newKeySet();

    /** The backend of this JVM (initialises ND4J on first use, as any ND4J work would). */
    public static ComputeBackend current() {
        ComputeBackend known = current;
        if (known == null) {
            known = detect();
            current = known;
        }
        return known;
    }

    public boolean isGpu() {
        return CUDA.equals(backend);
    }

    /** One line for the console. */
    public String describe() {
        return backend + " on " + device + (computeCapability == null ? "" : ", compute capability " + computeCapability);
    }

    /**
     * Says once per JVM and engine that {@code engine} computes on the CPU although a GPU backend is
     * loaded (the fused NCA kernel, the scalar kernels): a GPU executor running it is idle, not broken.
     * Silent on the CPU backend, where there is nothing to fall back from.
     */
    public static void noteCpuOnly(String engine) {
        if (cudaBuild() && FALLBACKS_SAID.add(engine)) {
            LOG.warn("{} has no GPU path: it runs on the CPU although this build carries {}", engine, CUDA);
        }
    }

    /**
     * Whether ND4J's CUDA backend is on the classpath (the {@code cuda} profile), found without
     * starting ND4J, so plain-Java kernels can say they fall back at no cost on CPU builds.
     */
    public static boolean cudaBuild() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, ComputeBackend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ComputeBackend detect() {
        try {
            return detectWithNd4j();
        } catch (RuntimeException | LinkageError e) {
            // e.g. a -Pcuda driver on a machine without a GPU: the run still says what it was built for
            String why = String.valueOf(e.getMessage()).split("\n")[0];
            return new ComputeBackend(cudaBuild() ? CUDA : NATIVE, "unavailable here (" + why + ")", null);
        }
    }

    private static ComputeBackend detectWithNd4j() {
        boolean cuda = !Nd4j.getEnvironment().isCPU();
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        if (!cuda) {
            return new ComputeBackend(NATIVE, "cpu (" + Runtime.getRuntime().availableProcessors() + " cores, "
                    + info.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, "unknown BLAS") + ")", null);
        }
        int ordinal = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        return cudaDevice(ordinal, info.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY));
    }

    /** The CUDA device {@code ordinal} as ND4J's environment information describes it. */
    static ComputeBackend cudaDevice(int ordinal, Object devicesInformation) {
        if (devicesInformation instanceof List<?> devices && ordinal >= 0 && ordinal < devices.size()
                && devices.get(ordinal) instanceof Map<?, ?> device) {
            Object major = device.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY);
            Object minor = device.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY);
            String capability = major == null || minor == null ? null : major + "." + minor;
            return new ComputeBackend(CUDA, "cuda:" + ordinal + " (" + device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY) + ")",
                    capability);
        }
        return new ComputeBackend(CUDA, "cuda:" + ordinal, null);
    }
}
