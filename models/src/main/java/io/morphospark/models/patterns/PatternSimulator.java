package io.morphospark.models.patterns;

/**
 * A 2-D pattern model: plain parameters in, frames out. Implementations are stateless and
 * thread-safe; everything random comes from {@link RunSpec#stream}, so a run is a pure function
 * of (parameters, spec) on any machine.
 *
 * @param <P> the model's parameter record
 */
public interface PatternSimulator<P extends Record> {

    /** Runs {@code spec.steps()} steps, hands recorded frames to {@code sink}, returns the last frame. */
    Frame run(P params, RunSpec spec, FrameSink sink);

    default Frame run(P params, RunSpec spec) {
        return run(params, spec, FrameSink.NONE);
    }
}
