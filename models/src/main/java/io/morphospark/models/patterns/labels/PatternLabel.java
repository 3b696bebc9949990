package io.morphospark.models.patterns.labels;

/** The pattern classes of the labelled datasets (issue #5); codes are part of stream keys. */
public enum PatternLabel {
    RANDOM(1),
    CLUSTERED(2),
    SPOTTED(3),
    STRIPED(4),
    SPIRAL(5),
    LIFE(6),
    ALTERNATING(7);

    final long code;

    PatternLabel(long code) {
        this.code = code;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
