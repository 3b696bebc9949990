package io.morphospark.models.agents.rules;

import java.util.List;
import java.util.Locale;

/** What the three rule kinds share: an id as written on the command line and declared parameters. */
public interface Rule {
    String name();

    List<ParameterSpec> parameters();

    /** The id used on the command line and in files, e.g. {@code random_walk}. */
    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule with the given id, or an exception naming the kind and listing the known ids. */
    static <R extends Enum<R> & Rule> R parse(Class<R> kind, String what, String id) {
        for (R r : kind.getEnumConstants()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        StringBuilder known = new StringBuilder();
        for (R r : kind.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(r.id());
        }
        throw new IllegalArgumentException("unknown " + what + " rule '" + id + "' (known: " + known + ")");
    }
}
