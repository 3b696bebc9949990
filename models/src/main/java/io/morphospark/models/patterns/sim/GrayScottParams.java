package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.ParamSpec;

import java.io.Serializable;
import java.util.List;

/**
 * Gray–Scott in Karl Sims's discrete form: {@code u += dt·(Du·L(u) − uv² + F(1−u))},
 * {@code v += dt·(Dv·L(v) + uv² − (F+k)v)}, with L the 9-point stencil (centre −1, edges 0.2,
 * diagonals 0.05) on a torus. L is 0.3× the standard isotropic 9-point Laplacian at unit spacing,
 * so Du=1 means an effective diffusivity of 0.3 cell²/step. (F, k) carry over unchanged from the
 * continuous literature (Pearson 1993; Munafo's xmorphia) because time is measured in the same
 * units; only the length scale of the patterns differs.
 *
 * <p>Start: u=1, v=0 everywhere, plus {@code patches} random squares of side {@code patchSide} at
 * (u, v) = (0.5, 0.25) (Pearson's perturbation), and uniform noise of amplitude {@code noise}.
 */
public record GrayScottParams(double feed, double kill, double du, double dv, double dt,
                              int patches, int patchSide, double noise) implements Serializable {

    /** Sims's diffusion and time step with the given (F, k) and a default start. */
    public static GrayScottParams sims(double feed, double kill) {
        return new GrayScottParams(feed, kill, 1.0, 0.5, 1.0, 12, 4, 0.02);
    }

    public GrayScottParams withStart(int newPatches, int newPatchSide, double newNoise) {
        return new GrayScottParams(feed, kill, du, dv, dt, newPatches, newPatchSide, newNoise);
    }

    /**
     * Feed and kill rates: Pearson's map and every regime of REFERENCE.md §5 lie in [0, 0.1]; far
     * beyond it the explicit update with dt = 1 overshoots and the fields diverge to infinity.
     */
    public static final ParamSpec FEED = ParamSpec.between("feed", 0, 0.1);
    public static final ParamSpec KILL = ParamSpec.between("kill", 0, 0.1);
    public static final ParamSpec DU = ParamSpec.nonNegative("du");
    public static final ParamSpec DV = ParamSpec.nonNegative("dv");
    public static final ParamSpec DT = ParamSpec.positive("dt");
    public static final ParamSpec PATCHES = ParamSpec.integer("patches", 0, Integer.MAX_VALUE);
    public static final ParamSpec PATCH_SIDE = ParamSpec.integer("patch_side", 1, Integer.MAX_VALUE);
    public static final ParamSpec NOISE = ParamSpec.probability("noise");
    /** Every parameter's valid values, declared once (the sweep validator checks against these). */
    public static final List<ParamSpec> PARAMS = List.of(FEED, KILL, DU, DV, DT, PATCHES, PATCH_SIDE, NOISE);

    public GrayScottParams {
        FEED.check(feed);
        KILL.check(kill);
        DU.check(du);
        DV.check(dv);
        DT.check(dt);
        PATCHES.check(patches);
        PATCH_SIDE.check(patchSide);
        NOISE.check(noise);
        // The centre weight of the explicit update is 1 − D·dt; negative would make it unstable.
        if (du * dt > 1 || dv * dt > 1) {
            throw new IllegalArgumentException("du·dt and dv·dt must be at most 1 for the explicit scheme, got "
                    + du * dt + " and " + dv * dt);
        }
    }
}
