package io.morphospark.models.agents.rules;

import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;

/**
 * One continuous parameter of a rule: its name (unique across all rules, so one flat map holds
 * a whole algorithm), the closed range a discovery search may sample, and the default.
 */
public record ParameterSpec(String name, double min, double max, double defaultValue, String description)
        implements Serializable {

    public ParameterSpec {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    static ParameterSpec of(String name, double min, double max, double defaultValue, String description) {
        return new ParameterSpec(name, min, max, defaultValue, description);
    }

    /** The value itself, or an exception naming the parameter and its range. */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("parameter " + name + " = " + value + " is outside its range [" + min + ", "
                    + max + "]");
        }
        return value;
    }

    /** The same range as the pattern models declare theirs, so generate's sweep validator checks it like any other. */
    public ParamSpec validValues() {
        return ParamSpec.between(name, min, max);
    }

    /** {@code name=default in [min, max]: description}, as --help lists it. */
    public String help() {
        return name + "=" + defaultValue + " in [" + min + ", " + max + "]: " + description;
    }
}
