package io.trailwatch.cli;

/** A user's mistake; its message is the single line printed before exiting with {@link ExitCode#USAGE}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
