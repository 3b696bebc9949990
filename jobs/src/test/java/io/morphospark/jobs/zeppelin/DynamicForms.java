package io.morphospark.jobs.zeppelin;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Zeppelin's simple dynamic forms the way its SQL interpreter sees them: note forms
 * {@code $${name=default}} and paragraph forms {@code ${name=default}} (also with a type prefix,
 * a display name, or select options after a comma) become the given value, else the default.
 */
public final class DynamicForms {
    // Zeppelin's own template syntax (org.apache.zeppelin.display.Input): [_]${...} and [_]$${...}.
    private static final Pattern NOTE_FORM = Pattern.compile("_?\\$\\$\\{([^=}]*)(?:=([^}]*))?}");
    private static final Pattern PARAGRAPH_FORM = Pattern.compile("_?\\$\\{([^=}]*)(?:=([^}]*))?}");

    private DynamicForms() {
    }

    public static String expand(String text, Map<String, String> values) {
        return expand(PARAGRAPH_FORM, expand(NOTE_FORM, text, values), values);
    }

    private static String expand(Pattern form, String text, Map<String, String> values) {
        Matcher m = form.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = formName(m.group(1));
            String value = values.containsKey(name) ? values.get(name) : defaultValue(m.group(2));
            if (value == null) {
                throw new IllegalArgumentException("dynamic form " + m.group() + " has no default and no value was given");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code checkbox(,):name(Display Name)} → {@code name}. */
    private static String formName(String namePart) {
        String name = namePart.contains(":") ? namePart.substring(namePart.lastIndexOf(':') + 1) : namePart;
        int display = name.indexOf('(');
        return (display >= 0 ? name.substring(0, display) : name).trim();
    }

    /** A select form's default precedes its options: {@code a,a|b|c} → {@code a}. */
    private static String defaultValue(String valuePart) {
        if (valuePart == null) {
            return null;
        }
        int options = valuePart.indexOf(',');
        return options >= 0 ? valuePart.substring(0, options) : valuePart;
    }
}
