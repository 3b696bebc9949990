package io.morphospark.datasets.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunManifestEnvironmentTest {
    @TempDir
    Path run;

    @Test
    void runJsonRecordsBackendAndDeviceOutsideTheConfigHash() {
        Map<String, Object> config = Map.of("seed", 1);
        RunManifest.write(run, "test", config);

        JsonNode root = RunManifest.read(run);

        JsonNode environment = root.path("environment");
        assertEquals("nd4j-native", environment.path("backend").asText(), root.toString());
        assertTrue(environment.path("device").asText().startsWith("cpu ("), root.toString());
        assertTrue(environment.has("compute_capability") && environment.path("compute_capability").isNull(), root.toString());
        assertEquals(RunManifest.configHash(config), root.path("config_hash").asText());
    }
}
