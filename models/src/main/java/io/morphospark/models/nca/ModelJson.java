package io.morphospark.models.nca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;

/** Reading a model's JSON export: the file must parse and carry the expected format tag. */
public final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    /** The document's root; IllegalArgumentException naming the file if it is unreadable or not a {@code what}. */
    public static JsonNode read(Path file, String format, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !format.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not " + what + " (format " + format + ")");
        }
        return root;
    }
}
