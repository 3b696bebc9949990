package io.morphospark.jobs.cli;

/**
 * Exit codes of every morphospark command (GATK's convention). A command stopped by SIGINT
 * (Ctrl-C) or SIGTERM exits as the JVM does, 130 or 143, after one line saying what was kept;
 * see docs/RELIABILITY.md.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;
    /** What {@link Main#execute} returns if a signal stopped the command (the process itself exits 130 or 143). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
