package io.morphospark.datasets.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.morphospark.datasets.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one YAML reader of user-written configuration (ES configs, generate specs): nothing a user
 * wrote is silently changed or dropped. A duplicate key, a fraction where a whole number is
 * expected ({@code generations: 2.7}), an unknown key, an explicit null, an empty file, a file whose
 * top level is not a mapping and a second YAML document are all refused with one line naming the
 * file and the field. Names are snake_case, as in run.json and manifest.json.
 */
public final class StrictYaml {
    private StrictYaml() {
    }

    /** A fresh mapper with the strict settings; callers may add what their format needs (e.g. single values as lists). */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "field:" with no value is YAML's null: refuse it rather than reset the field (a field that
        // means something by null says so with @JsonSetter(nulls = Nulls.SET))
        m.setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        return m;
    }

    /**
     * The text of {@code file}, checked: readable, and its top level a non-empty mapping.
     * {@code what} names the file's role ("config", "spec"). Binding then checks the rest (one
     * document, no duplicate key, types) with the strict mapper, so YAML's own scalars such as
     * {@code .nan} reach the field's checks.
     */
    public static String readMapping(ObjectMapper mapper, Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(what + " " + file + " does not exist or is not a readable file");
        }
        try {
            String text = Files.readString(file);
            try (JsonParser p = mapper.createParser(text)) {
                JsonToken first = p.nextToken();
                if (first == null || first == JsonToken.VALUE_NULL) {
                    throw new BadInputException(what + " " + file + " is empty: give at least one field");
                }
                if (first != JsonToken.START_OBJECT) {
                    throw new BadInputException(what + " " + file + ": the top level must be a mapping of field: value, got "
                            + (first == JsonToken.START_ARRAY ? "a list" : "the value '" + p.getText() + "'"));
                }
                if (p.nextToken() == JsonToken.END_OBJECT) {
                    throw new BadInputException(what + " " + file + " is an empty mapping: give at least one field");
                }
            }
            return text;
        } catch (IOException e) {
            throw new BadInputException(what + " " + file + " is not valid YAML: " + firstLine(e), e);
        }
    }

    /** Reads {@code file} as a {@code type}. */
    public static <T> T read(ObjectMapper mapper, Path file, String what, Class<T> type) {
        String text = readMapping(mapper, file, what);
        try {
            return mapper.readValue(text, type);
        } catch (IOException e) {
            throw new BadInputException(what + " " + file + separator(e) + describe(e), e);
        }
    }

    /** Overlays {@code file} onto {@code target}: the fields it names replace target's. */
    public static <T> T update(ObjectMapper mapper, Path file, String what, T target) {
        String text = readMapping(mapper, file, what);
        try {
            return mapper.readerForUpdating(target).readValue(text);
        } catch (IOException e) {
            throw new BadInputException(what + " " + file + separator(e) + describe(e), e);
        }
    }

    /** One line: what is wrong and the dotted path of the field it is wrong at. */
    public static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String at = path(u);
            int dot = at.lastIndexOf('.');
            return "unknown field '" + u.getPropertyName() + "'" + (dot < 0 ? "" : " at " + at.substring(0, dot))
                    + "; known fields: " + u.getKnownPropertyIds();
        }
        if (e instanceof InvalidNullException n) {
            return path(n) + ": give a value (or leave the field out for its default)";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String at = path(m);
            Class<?> t = m.getTargetType();
            String expected = t == int.class || t == Integer.class || t == long.class || t == Long.class ? "a whole number"
                    : t == double.class || t == Double.class ? "a number"
                    : t == boolean.class || t == Boolean.class ? "true or false"
                    : t == String.class ? "a text value"
                    : t.isArray() ? "a list" : "a mapping";
            return (at.isEmpty() ? "" : at + ": ") + "expected " + expected + ", got " + got(m);
        }
        if (e instanceof JsonMappingException j) {
            String at = path(j);
            String message = j.getOriginalMessage() == null ? firstLine(j) : j.getOriginalMessage().split("\n")[0];
            return (at.isEmpty() ? "" : at + ": ") + message;
        }
        if (e instanceof JsonParseException p && p.getOriginalMessage() != null) {
            // SnakeYAML puts the context on the first line and the cause on the second
            String[] lines = p.getOriginalMessage().split("\n");
            String cause = lines.length > 1 && !lines[1].isBlank() ? "; " + lines[1].trim() : "";
            return "is not valid YAML: " + lines[0].trim() + cause
                    + (p.getLocation() != null && p.getLocation().getLineNr() > 0 ? " (line " + p.getLocation().getLineNr() + ")" : "");
        }
        return firstLine(e);
    }

    private static String separator(IOException e) {
        return e instanceof JsonParseException ? " " : ": ";
    }

    private static String got(MismatchedInputException m) {
        String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
        int open = message.indexOf('(');
        int close = open < 0 ? -1 : message.indexOf(')', open);
        return close > open ? message.substring(open + 1, close) : "something else";
    }

    /** The dotted field path of a mapping error, e.g. labels.spotted.params.feed or problem.hidden[1]. */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            String part = ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]";
            sb.append(sb.length() == 0 || part.startsWith("[") ? "" : ".").append(part);
        }
        return sb.toString();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
    }
}
