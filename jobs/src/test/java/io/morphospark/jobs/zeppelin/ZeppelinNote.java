package io.morphospark.jobs.zeppelin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Zeppelin 0.12 note ({@code .zpln}, the JSON a Zeppelin server writes and imports). */
public record ZeppelinNote(Path file, String name, List<NoteParagraph> paragraphs) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NOTE_FIELDS = List.of("paragraphs", "name", "id", "defaultInterpreterGroup",
            "version", "config", "info");
    private static final List<String> PARAGRAPH_FIELDS = List.of("text", "config", "settings", "id");

    /** Every {@code .zpln} file directly inside {@code directory}, sorted by file name. */
    public static List<ZeppelinNote> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zpln"))
                    .sorted()
                    .map(ZeppelinNote::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list notes in " + directory, e);
        }
    }

    /** Parses a note, refusing one that lacks a field Zeppelin needs to import it. */
    public static ZeppelinNote read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        requireFields(file, "the note", root, NOTE_FIELDS);
        String defaultGroup = root.get("defaultInterpreterGroup").asText();
        List<NoteParagraph> paragraphs = new ArrayList<>();
        for (JsonNode p : root.get("paragraphs")) {
            requireFields(file, "paragraph " + p.path("id").asText("#" + paragraphs.size()), p, PARAGRAPH_FIELDS);
            boolean enabled = p.get("config").path("enabled").asBoolean(true);
            paragraphs.add(NoteParagraph.parse(p.get("id").asText(), p.path("title").asText(null),
                    p.get("text").asText(), enabled, defaultGroup));
        }
        return new ZeppelinNote(file, root.get("name").asText(), List.copyOf(paragraphs));
    }

    private static void requireFields(Path file, String what, JsonNode node, List<String> fields) {
        for (String field : fields) {
            if (!node.has(field)) {
                throw new IllegalArgumentException(file + ": " + what + " has no \"" + field + "\" field");
            }
        }
    }
}
