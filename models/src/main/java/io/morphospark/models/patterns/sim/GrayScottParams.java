package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Checks;

import java.io.Serializable;

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

    public GrayScottParams {
        Checks.nonNegative("feed", feed);
        Checks.nonNegative("kill", kill);
        Checks.nonNegative("du", du);
        Checks.nonNegative("dv", dv);
        Checks.positive("dt", dt);
        Checks.atLeast("patches", patches, 0);
        Checks.atLeast("patch-side", patchSide, 1);
        Checks.probability("noise", noise);
        // The centre weight of the explicit update is 1 − D·dt; negative would make it unstable.
        if (du * dt > 1 || dv * dt > 1) {
            throw new IllegalArgumentException("du·dt and dv·dt must be at most 1 for the explicit scheme, got "
                    + du * dt + " and " + dv * dt);
        }
    }
}
