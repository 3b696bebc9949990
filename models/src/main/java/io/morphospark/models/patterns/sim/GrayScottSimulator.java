package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Gray–Scott reaction–diffusion ({@link GrayScottParams}); frames hold the v field. */
public final class GrayScottSimulator implements PatternSimulator<GrayScottParams> {
    static final float EDGE = 0.2f;
    static final float DIAGONAL = 0.05f;

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
        PeriodicHalo.wrap(u, w, h);
        PeriodicHalo.wrap(v, w, h);
        for (int step = 1; step <= spec.steps(); step++) {
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

    /**
     * Whether the JDK's incubating Vector API is resolved in this JVM ({@code --add-modules
     * jdk.incubator.vector}, which the launcher, the tests and docs/CLUSTER.md's executor options
     * pass). Without it steps take the scalar loop, which gives the same bits, only slower.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * One explicit step over the interior of halo-padded grids, refreshing the halo of the new grids
     * as it goes (so a run wraps only its initial state): {@link GrayScottVectorStep} where the Vector
     * API is available, else {@link #scalarStep}; both are bit-identical to {@link ReferenceGrayScott}.
     */
    static void step(float[] u, float[] v, float[] nu, float[] nv, int w, int h,
                     float feed, float kill, float du, float dv, float dt) {
        if (VECTOR_API) {
            GrayScottVectorStep.step(u, v, nu, nv, w, h, feed, kill, du, dv, dt);
        } else {
            scalarStep(u, v, nu, nv, w, h, feed, kill, du, dv, dt);
        }
    }

    static void scalarStep(float[] u, float[] v, float[] nu, float[] nv, int w, int h,
                           float feed, float kill, float du, float dv, float dt) {
        final int s = PeriodicHalo.stride(w);
        for (int y = 1; y <= h; y++) {
            int row = y * s + 1;
            scalarCells(u, v, nu, nv, row, row + w, s, feed, kill, du, dv, dt);
            wrapRow(nu, nv, row, w);
        }
        wrapRows(nu, nv, w, h);
    }

    /** The reference's loop over cells [from, to) of one row: what every cell must equal, bit for bit. */
    static void scalarCells(float[] u, float[] v, float[] nu, float[] nv, int from, int to, int s,
                            float feed, float kill, float du, float dv, float dt) {
        final float decay = feed + kill;
        for (int i = from; i < to; i++) {
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

    /** A freshly computed row's halo columns, while the row is in cache. */
    static void wrapRow(float[] nu, float[] nv, int row, int w) {
        nu[row - 1] = nu[row + w - 1];
        nu[row + w] = nu[row];
        nv[row - 1] = nv[row + w - 1];
        nv[row + w] = nv[row];
    }

    /** The halo rows (corners included) once every row and its halo columns are done. */
    static void wrapRows(float[] nu, float[] nv, int w, int h) {
        int s = PeriodicHalo.stride(w);
        System.arraycopy(nu, h * s, nu, 0, s);
        System.arraycopy(nu, s, nu, (h + 1) * s, s);
        System.arraycopy(nv, h * s, nv, 0, s);
        System.arraycopy(nv, s, nv, (h + 1) * s, s);
    }
}
