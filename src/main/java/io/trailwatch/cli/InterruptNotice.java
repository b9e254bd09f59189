package io.trailwatch.cli;

import java.io.PrintStream;

/**
 * While open, a signal that ends the process (Ctrl-C, SIGTERM) prints one line saying the run was cut short,
 * so a partial result is never taken for a complete one. Closing it (the run ended on its own) removes the
 * line again.
 */
final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    /** @param message the line printed on {@code err} if the process is stopped by a signal while this is open */
    InterruptNotice(PrintStream err, String message) {
        hook = new Thread(() -> err.println(message), "interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the signal came as the run ended: the line is being printed already
        }
    }
}
