package io.morphospark.jobs.sweep;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A trial's console: each of its lines goes whole to the shared console, prefixed with the trial id, so concurrent trials stay readable. */
final class TrialConsole extends OutputStream {
    private final PrintStream target;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private TrialConsole(PrintStream target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    static PrintStream of(PrintStream target, String trialId) {
        return new PrintStream(new TrialConsole(target, "[" + trialId + "] "), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        // lines are passed on whole; a partial line waits for its end (or close)
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (target) {
            target.println(prefix + text);
        }
    }
}
