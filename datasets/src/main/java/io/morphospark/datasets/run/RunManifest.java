package io.morphospark.datasets.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** {@code run.json}: what ran (job, full config and its hash, project version) so a run explains itself. */
public final class RunManifest {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private RunManifest() {
    }

    /** SHA-256 of the config's canonical JSON (keys sorted), so equal configs hash equal. */
    public static String configHash(Object config) {
        try {
            JsonNode tree = CANONICAL.valueToTree(config);
            byte[] json = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes (or atomically replaces) {@code runDir/run.json}. */
    public static void write(Path runDir, String job, Object config) {
        ObjectNode root = CANONICAL.createObjectNode();
        root.put("job", job);
        root.put("project_version", ProjectVersion.get());
        root.put("config_hash", configHash(config));
        root.put("created", Instant.now().toString());
        root.set("config", CANONICAL.valueToTree(config));
        // where the neural work ran (backend, device, compute capability); not part of the config hash
        root.set("environment", CANONICAL.valueToTree(io.morphospark.models.gpu.ComputeBackend.current()));
        // written beside and renamed over, so a run whose run.json is rewritten (an extended run) and
        // killed meanwhile keeps the old or the new one, never a torn one
        Path file = runDir.resolve(RunDirectory.RUN_FILE);
        Path tmp = runDir.resolve("." + RunDirectory.RUN_FILE + ".tmp");
        try {
            CANONICAL.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a run's run.json; a truncated, empty or unreadable one is the user's to fix (or delete), named in one line. */
    public static JsonNode read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.RUN_FILE);
        try {
            JsonNode root = CANONICAL.readTree(new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.UTF_8));
            if (root == null || !root.isObject() || !root.has("config")) {
                throw new BadInputException(file + " is damaged: it holds no run description (truncated or overwritten?)");
            }
            return root;
        } catch (IOException e) {
            throw new BadInputException(file + " cannot be read: " + String.valueOf(e.getMessage()).split("\n")[0]
                    + " (truncated or damaged?)", e);
        }
    }
}
