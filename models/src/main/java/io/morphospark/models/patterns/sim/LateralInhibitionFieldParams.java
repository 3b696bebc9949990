package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

/**
 * The lateral-inhibition regulatory network of REFERENCE.md §1 on a 2-D torus: each cell's state
 * follows {@code ds = tanh(−α(s̄ − θ))·dt + √dt·σ·ξ}, clipped to [0, 1], where s̄ is the mean of
 * its four neighbours; the start is U[0.4, 0.6].
 */
public record LateralInhibitionFieldParams(double alpha, double theta, double noise, double dt) implements Serializable {
    public static final ParamSpec ALPHA = ParamSpec.positive("alpha");
    /** A threshold on s̄, which lies in [0, 1]. */
    public static final ParamSpec THETA = ParamSpec.probability("theta");
    public static final ParamSpec NOISE = ParamSpec.nonNegative("noise");
    public static final ParamSpec DT = ParamSpec.positive("dt");
    /** Every parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(ALPHA, THETA, NOISE, DT);

    public LateralInhibitionFieldParams {
        ALPHA.check(alpha);
        THETA.check(theta);
        NOISE.check(noise);
        DT.check(dt);
    }
}
