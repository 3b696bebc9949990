package io.morphospark.jobs.cli;

/** Exit codes of every morphospark command (GATK's convention). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
