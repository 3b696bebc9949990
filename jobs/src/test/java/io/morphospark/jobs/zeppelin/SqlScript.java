package io.morphospark.jobs.zeppelin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL paragraph into statements as Zeppelin's SQL splitter does: at semicolons outside
 * quotes, backticks and comments; comments are dropped and empty statements skipped.
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? script.length() : eol;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated /* comment in:\n" + script);
                }
                current.append(' ');
                i = close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int close = closingQuote(script, i);
                current.append(script, i, close + 1);
                i = close + 1;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** Whether a statement is a query whose result a reader looks at (as opposed to a command). */
    public static boolean isQuery(String statement) {
        String first = statement.replaceFirst("^[\\s(]+", "").split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        return List.of("SELECT", "WITH", "FROM", "VALUES", "TABLE").contains(first);
    }

    private static int closingQuote(String script, int open) {
        char quote = script.charAt(open);
        for (int i = open + 1; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated " + quote + " quote in:\n" + script);
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
