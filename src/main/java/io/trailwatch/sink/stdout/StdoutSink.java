package io.trailwatch.sink.stdout;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFormat;
import io.trailwatch.sink.AlertSink;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints one rendered line per alert and flushes it at once, so a pipe reader sees each alert as it comes.
 * When the stream is a {@link StandardOutput} whose reader closed the pipe, {@link #deliver} throws
 * {@link ReaderGoneException}; any other failure is a plain {@code IOException}.
 */
public final class StdoutSink implements AlertSink {

    private final AlertFormat format;
    private final PrintStream out;

    public StdoutSink(AlertFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    @Override
    public String name() {
        return "stdout";
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        out.println(format.render(alert));
        out.flush();
        if (out.checkError()) {
            if (out instanceof StandardOutput stdout && stdout.failure() != null) {
                if (stdout.readerGone()) {
                    throw new ReaderGoneException("the reader of standard output closed the pipe before alert " + alert.alertId());
                }
                throw new IOException("standard output failed: " + stdout.failure().getMessage(), stdout.failure());
            }
            throw new IOException("standard output failed while writing alert " + alert.alertId()
                    + " (closed pipe or full disk behind the redirect)");
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    /** Flushes only: the stream belongs to the caller. */
    @Override
    public void close() {
        out.flush();
    }
}
