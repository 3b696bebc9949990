package io.morphospark.jobs.zeppelin;

/**
 * One paragraph of a Zeppelin note: the interpreter named by its leading {@code %name} line (or
 * the note's default group) and the code below it.
 */
public record NoteParagraph(String id, String title, String interpreter, String body, boolean enabled) {
    public boolean isSql() {
        return interpreter.equals("spark.sql") || interpreter.equals("sql");
    }

    public boolean isScala() {
        return interpreter.equals("spark") || interpreter.equals("spark.spark");
    }

    public boolean isMarkdown() {
        return interpreter.equals("md");
    }

    /** How failures name the paragraph: its title, or its id when it has none. */
    public String label() {
        return title == null || title.isBlank() ? "untitled paragraph " + id : "\"" + title + "\"";
    }

    /**
     * Splits a paragraph's text into interpreter and body as Zeppelin does: a first line
     * {@code %spark.sql} or {@code %spark.sql(key=value)} names the interpreter; without one the
     * note's default interpreter group runs it through its default interpreter (same name).
     */
    static NoteParagraph parse(String id, String title, String text, boolean enabled, String defaultGroup) {
        String trimmed = text == null ? "" : text.stripLeading();
        if (!trimmed.startsWith("%")) {
            return new NoteParagraph(id, title, defaultGroup, trimmed, enabled);
        }
        int end = 1;
        while (end < trimmed.length() && (Character.isLetterOrDigit(trimmed.charAt(end))
                || trimmed.charAt(end) == '.' || trimmed.charAt(end) == '_')) {
            end++;
        }
        String interpreter = trimmed.substring(1, end);
        String rest = trimmed.substring(end);
        if (rest.startsWith("(")) { // paragraph-local properties, e.g. %spark.sql(limit=100)
            rest = rest.substring(rest.indexOf(')') + 1);
        }
        return new NoteParagraph(id, title, interpreter, rest.strip(), enabled);
    }
}
