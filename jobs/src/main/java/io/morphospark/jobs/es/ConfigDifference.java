package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fields in which two run configurations differ, compared as flattened run.json {@code config} trees. */
public final class ConfigDifference {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ConfigDifference() {
    }

    /** "field: recorded → given" for every differing leaf, in field order. */
    public static List<String> between(JsonNode recorded, Object given) {
        Map<String, String> a = flatten(recorded);
        Map<String, String> b = flatten(asTree(given));
        TreeMap<String, String> all = new TreeMap<>();
        a.keySet().forEach(k -> all.put(k, ""));
        b.keySet().forEach(k -> all.put(k, ""));
        List<String> out = new ArrayList<>();
        for (String k : all.keySet()) {
            String x = a.getOrDefault(k, "(absent)");
            String y = b.getOrDefault(k, "(absent)");
            if (!x.equals(y)) {
                out.add(k + ": " + x + " → " + y);
            }
        }
        return out;
    }

    /** Written and read back as JSON text, so numbers compare by value whatever their Java type. */
    private static JsonNode asTree(Object config) {
        try {
            return JSON.readTree(JSON.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isNumber()) {
            out.put(prefix, node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.put(prefix, node.isTextual() ? node.textValue() : node.toString());
        }
    }
}
