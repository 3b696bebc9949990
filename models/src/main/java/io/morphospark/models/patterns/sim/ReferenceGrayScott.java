package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The original scalar kernel of {@link GrayScottSimulator}, kept unchanged as the reference its
 * vectorised kernel must match bit for bit and as the baseline of {@code bench patterns}. Not used to
 * make datasets. Gray–Scott reaction–diffusion ({@link GrayScottParams}); frames hold the v field.
 */
public final class ReferenceGrayScott implements PatternSimulator<GrayScottParams> {
    private static final float EDGE = 0.2f;
    private static final float DIAGONAL = 0.05f;

    @Override
    public Frame run(GrayScottParams p, RunSpec spec, FrameSink sink) {
        final int w = spec.width();
        final int h = spec.height();
        float[] u = new float[PeriodicHalo.paddedSize(w, h)];
        float[] v = new float[u.length];
        float[] nu = new float[u.length];
        float[] nv = new float[u.length];
        initialise(p, spec, u, v);
        Frame frame = frame(v, w, h);
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            PeriodicHalo.wrap(u, w, h);
            PeriodicHalo.wrap(v, w, h);
            step(u, v, nu, nv, w, h, (float) p.feed(), (float) p.kill(), (float) p.du(), (float) p.dv(), (float) p.dt());
            float[] t = u;
            u = nu;
            nu = t;
            t = v;
            v = nv;
            nv = t;
            if (spec.records(step)) {
                frame = frame(v, w, h);
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    private static Frame frame(float[] v, int w, int h) {
        return Frame.continuous(w, h, PeriodicHalo.interior(v, w, h));
    }

    static void initialise(GrayScottParams p, RunSpec spec, float[] u, float[] v) {
        final int w = spec.width();
        final int h = spec.height();
        SplittableRandom rng = spec.stream(RunSpec.StreamUse.INITIAL_STATE);
        Arrays.fill(u, 1f);
        int side = Math.min(p.patchSide(), Math.min(w, h));
        for (int k = 0; k < p.patches(); k++) {
            int x0 = rng.nextInt(w);
            int y0 = rng.nextInt(h);
            for (int dy = 0; dy < side; dy++) {
                for (int dx = 0; dx < side; dx++) {
                    int i = PeriodicHalo.index(w, (x0 + dx) % w, (y0 + dy) % h);
                    u[i] = 0.5f;
                    v[i] = 0.25f;
                }
            }
        }
        float a = (float) p.noise();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = PeriodicHalo.index(w, x, y);
                u[i] = clamp01(u[i] + a * (float) (2 * rng.nextDouble() - 1));
                v[i] = clamp01(v[i] + a * (float) (2 * rng.nextDouble() - 1));
            }
        }
    }

    private static float clamp01(float x) {
        return Math.max(0f, Math.min(1f, x));
    }

    /** One explicit step over the interior of halo-padded grids; a branch-free loop per row. */
    static void step(float[] u, float[] v, float[] nu, float[] nv, int w, int h,
                     float feed, float kill, float du, float dv, float dt) {
        final int s = PeriodicHalo.stride(w);
        final float decay = feed + kill;
        for (int y = 1; y <= h; y++) {
            for (int i = y * s + 1, end = i + w; i < end; i++) {
                float uc = u[i];
                float vc = v[i];
                float lu = EDGE * (u[i - 1] + u[i + 1] + u[i - s] + u[i + s])
                        + DIAGONAL * (u[i - s - 1] + u[i - s + 1] + u[i + s - 1] + u[i + s + 1]) - uc;
                float lv = EDGE * (v[i - 1] + v[i + 1] + v[i - s] + v[i + s])
                        + DIAGONAL * (v[i - s - 1] + v[i - s + 1] + v[i + s - 1] + v[i + s + 1]) - vc;
                float uvv = uc * vc * vc;
                nu[i] = uc + dt * (du * lu - uvv + feed * (1f - uc));
                nv[i] = vc + dt * (dv * lv + uvv - decay * vc);
            }
        }
    }
}
