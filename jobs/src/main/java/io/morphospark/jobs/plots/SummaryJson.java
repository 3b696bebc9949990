package io.morphospark.jobs.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * Writes a job's {@code summary.json}. JSON has no NaN or Infinity (Jackson would write them as
 * the strings "NaN"/"-Infinity", which other readers take for text), so every non-finite number
 * becomes {@code null}: undefined, e.g. the best fitness of a run whose candidates were all invalid.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    public static void write(Path file, ObjectNode summary) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), finite(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A copy of {@code node} with every non-finite number replaced by null. */
    public static JsonNode finite(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return JSON.nullNode();
        }
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : iterable(o)) {
                copy.set(e.getKey(), finite(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(v -> copy.add(finite(v)));
            return copy;
        }
        return node;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode o) {
        var entries = new ArrayList<Map.Entry<String, JsonNode>>();
        o.fields().forEachRemaining(entries::add);
        return entries;
    }
}
