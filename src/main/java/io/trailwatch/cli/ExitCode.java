package io.trailwatch.cli;

/** Process exit codes shared by every subcommand. */
final class ExitCode {
    /** The command did its job (alerts found included). */
    static final int OK = 0;
    /** {@code test} or {@code validate} found failures; {@code replay --strict} met bad input. */
    static final int FAILURES = 1;
    /**
     * Usage or configuration error: bad option, bad config, bad rules, missing file, an output that cannot be
     * written, a heap too small for the run.
     */
    static final int USAGE = 2;

    private ExitCode() {}
}
