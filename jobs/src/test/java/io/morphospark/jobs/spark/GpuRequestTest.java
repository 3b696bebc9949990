package io.morphospark.jobs.spark;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark settings a GPU request becomes on each kind of master, and what it refuses without starting Spark. */
class GpuRequestTest {
    private static final Path SCRIPT = Path.of("/opt/spark/getGpusResources.sh");

    @Test
    void executorsAndTasksGetTheirAmountsAndTheScriptEverywhere() {
        Map<String, String> yarn = new GpuRequest(2, 0.5, SCRIPT).sparkSettings("yarn");

        assertEquals(Map.of(GpuRequest.EXECUTOR_AMOUNT, "2", GpuRequest.TASK_AMOUNT, "0.5",
                GpuRequest.EXECUTOR_SCRIPT, SCRIPT.toString()), yarn);
    }

    @Test
    void kubernetesAsksForNvidiaDevicesAndLocalClusterWorkersOfferTheExecutorsGpus() {
        Map<String, String> k8s = new GpuRequest(1, 1, SCRIPT).sparkSettings("k8s://https://api:6443");
        assertEquals(GpuRequest.NVIDIA, k8s.get(GpuRequest.EXECUTOR_VENDOR));

        Map<String, String> local = new GpuRequest(2, 1, SCRIPT).sparkSettings("local-cluster[2,2,1024]");
        assertEquals("2", local.get(GpuRequest.WORKER_AMOUNT));
        assertEquals(SCRIPT.toString(), local.get(GpuRequest.WORKER_SCRIPT));
    }

    @Test
    void standaloneWorkersMayDiscoverGpusThemselvesOtherMastersNeedAScript() {
        GpuRequest withoutScript = new GpuRequest(1, 1, null);

        assertNull(withoutScript.problem("spark://master:7077", new SparkConf(false)));
        assertTrue(withoutScript.problem("yarn", new SparkConf(false)).contains("none is visible"));
        assertNull(withoutScript.problem("yarn", new SparkConf(false).set(GpuRequest.EXECUTOR_SCRIPT, SCRIPT.toString())),
                "a script from spark-submit's --conf counts");
        assertTrue(new GpuRequest(1, 1, SCRIPT).problem("local[4]", new SparkConf(false)).contains("executor processes"));
    }
}
