package io.morphospark.models.gpu;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins the native math library (ND4J's own thread pools, its BLAS and the OpenMP team of the calling
 * thread) to a number of threads while task-sized work runs. A sweep trial run as one Spark task owns
 * the cores Spark gave the task ({@code spark.task.cpus}, usually 1); left at its defaults, ND4J spreads
 * each trial over every core of the machine, so two trials in parallel fight for the same cores instead
 * of using one each. {@code OMP_NUM_THREADS} cannot change inside a running JVM, hence the API calls.
 *
 * <p>ND4J's settings are process-wide, and in local mode the tasks share the driver's JVM: pins are
 * counted, the settings are taken down to the smallest pin while any pin is held, and the values found
 * before the first pin come back when the last one is closed, so the driver's own work afterwards runs
 * with the library's defaults again.
 */
public final class MathThreads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MathThreads.class);
    private static int held;
    private static int[] before; // maxThreads, maxMasterThreads, BLAS threads before the first pin

    private boolean closed;

    private MathThreads() {
    }

    /** Limits the native math library to {@code threads} threads until the returned pin is closed. */
    public static MathThreads pin(int threads) {
        int n = Math.max(1, threads);
        synchronized (MathThreads.class) {
            Environment env = Nd4j.getEnvironment();
            if (held == 0) {
                before = new int[] {env.maxThreads(), env.maxMasterThreads(), blasThreads()};
            }
            held++;
            apply(Math.min(n, env.maxThreads()), Math.min(n, env.maxMasterThreads()), Math.min(n, Math.max(1, blasThreads())));
        }
        ompThreadsOfThisThread(n);
        return new MathThreads();
    }

    /**
     * The threads ND4J's native loops use now: libnd4j's parallel loops default to its "master"
     * thread count ({@code maxThreads} is the pool's size, which libnd4j does not change once started).
     */
    public static int loopThreads() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /** The threads ND4J's BLAS may use now; 0 where the backend does not say. */
    public static int blasThreads() {
        try {
            return Nd4j.factory().blas().getMaxThreads();
        } catch (RuntimeException | LinkageError e) {
            return 0; // a backend without a settable BLAS (CUDA): nothing to pin there
        }
    }

    @Override
    public void close() {
        synchronized (MathThreads.class) {
            if (closed) {
                return;
            }
            closed = true;
            held--;
            if (held == 0) {
                apply(before[0], before[1], before[2]);
                before = null;
            }
        }
    }

    private static void apply(int maxThreads, int masterThreads, int blas) {
        Environment env = Nd4j.getEnvironment();
        env.setMaxThreads(maxThreads);
        env.setMaxMasterThreads(masterThreads);
        if (blas > 0) {
            try {
                Nd4j.factory().blas().setMaxThreads(blas);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("BLAS threads cannot be set on this backend: {}", e.toString());
            }
        }
    }

    /** OpenMP's team size is a setting of the calling thread: the trial's own thread is pinned here. */
    private static void ompThreadsOfThisThread(int threads) {
        try {
            org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("OpenMP threads cannot be set on this backend: {}", e.toString());
        }
    }
}
