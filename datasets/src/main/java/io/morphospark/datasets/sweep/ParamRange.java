package io.morphospark.datasets.sweep;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.morphospark.datasets.BadInputException;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The values one parameter of a label takes across its samples: an interval sampled uniformly or
 * by Latin hypercube ({@code uniform: [lo, hi]}), or an explicit list of levels ({@code grid: [...]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ParamRange implements Serializable {
    private static final long serialVersionUID = 1L;

    public double[] uniform;
    public double[] grid;

    public static ParamRange uniform(double lo, double hi) {
        ParamRange r = new ParamRange();
        r.uniform = new double[] {lo, hi};
        return r;
    }

    public static ParamRange grid(double... levels) {
        ParamRange r = new ParamRange();
        r.grid = levels.clone();
        return r;
    }

    public boolean isGrid() {
        return grid != null;
    }

    public double lo() {
        return uniform[0];
    }

    public double hi() {
        return uniform[1];
    }

    /** Checks the range; {@code field} names it in the message (e.g. labels.spotted.params.feed). */
    public void validate(String field) {
        if ((uniform == null) == (grid == null)) {
            throw new BadInputException(field + ": give exactly one of uniform: [lo, hi] or grid: [values]");
        }
        double[] v = uniform != null ? uniform : grid;
        if (Arrays.stream(v).anyMatch(x -> !Double.isFinite(x))) {
            throw new BadInputException(field + ": values must be finite numbers, got " + Arrays.toString(v));
        }
        if (uniform != null) {
            if (uniform.length != 2) {
                throw new BadInputException(field + ".uniform: give [lo, hi], got " + Arrays.toString(uniform));
            }
            if (!(uniform[0] <= uniform[1])) {
                throw new BadInputException(field + ".uniform: range [" + uniform[0] + ", " + uniform[1] + "] is inverted");
            }
        } else if (grid.length == 0) {
            throw new BadInputException(field + ".grid: the list of values is empty");
        }
    }
}
