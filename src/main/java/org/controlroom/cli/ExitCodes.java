package org.controlroom.cli;

/** The command line's exit codes (DESIGN.md). */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Checked and found invalid (e.g. {@code lessons validate}). */
    public static final int INVALID = 1;
    /** Bad usage or bad input. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
