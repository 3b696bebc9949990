package io.morphospark.models.patterns.sim;

import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;

import java.util.SplittableRandom;

/**
 * Lateral inhibition on a 2-D torus: neighbours inhibit each other, so cells settle into
 * alternating on/off fates (checkerboard domains separated by defects), the 2-D form of the
 * 1-D row's 1010101. Frames are the continuous states.
 */
public final class LateralInhibitionFieldSimulator implements PatternSimulator<LateralInhibitionFieldParams> {
    @Override
    public Frame run(LateralInhibitionFieldParams p, RunSpec spec, FrameSink sink) {
        int w = spec.width();
        int h = spec.height();
        float[] s = new float[w * h];
        SplittableRandom start = spec.stream(RunSpec.StreamUse.INITIAL_STATE);
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.4f + 0.2f * (float) start.nextDouble();
        }
        float[] next = new float[s.length];
        double diffusion = Math.sqrt(p.dt()) * p.noise();
        Frame frame = Frame.continuous(w, h, s.clone());
        if (spec.records(0)) {
            sink.frame(0, frame);
        }
        for (int step = 1; step <= spec.steps(); step++) {
            SplittableRandom noise = spec.stream(RunSpec.StreamUse.DYNAMICS, step);
            for (int y = 0; y < h; y++) {
                int up = ((y + h - 1) % h) * w;
                int down = ((y + 1) % h) * w;
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    int left = (x + w - 1) % w;
                    int right = (x + 1) % w;
                    double mean = 0.25 * (s[up + x] + s[down + x] + s[row + left] + s[row + right]);
                    double v = s[row + x] + Math.tanh(-p.alpha() * (mean - p.theta())) * p.dt() + diffusion * noise.nextGaussian();
                    next[row + x] = (float) Math.min(1, Math.max(0, v));
                }
            }
            float[] t = s;
            s = next;
            next = t;
            if (spec.records(step)) {
                frame = Frame.continuous(w, h, s.clone());
                sink.frame(step, frame);
            }
        }
        return frame;
    }
}
