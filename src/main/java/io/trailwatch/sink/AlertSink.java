package io.trailwatch.sink;

import io.trailwatch.alert.Alert;
import java.io.IOException;

/**
 * Where alerts go. A sink is called from one thread. {@link #deliver} returns once the alert is
 * delivered or durably spooled; an exception means neither happened, and the caller must not
 * consider the alert delivered.
 */
public interface AlertSink extends AutoCloseable {

    /** A short name for logs and metrics ({@code stdout}, {@code file:/var/log/alerts.jsonl}). */
    String name();

    void deliver(Alert alert) throws IOException;

    /** Pushes buffered alerts out; called at the end of a replay and before checkpoints. */
    default void flush() throws IOException {}

    @Override
    default void close() throws IOException {
        flush();
    }
}
