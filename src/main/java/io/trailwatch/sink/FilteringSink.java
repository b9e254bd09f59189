package io.trailwatch.sink;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.Severity;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Passes to its delegate only alerts at or above a minimum severity; counts the ones it holds back. */
public final class FilteringSink implements AlertSink {

    private final AlertSink delegate;
    private final Severity minSeverity;
    private final AtomicLong filtered = new AtomicLong();

    public FilteringSink(AlertSink delegate, Severity minSeverity) {
        this.delegate = delegate;
        this.minSeverity = minSeverity;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        if (alert.severity().compareTo(minSeverity) >= 0) {
            delegate.deliver(alert);
        } else {
            filtered.incrementAndGet();
        }
    }

    /** The sink alerts at or above the minimum severity go to. */
    public AlertSink delegate() {
        return delegate;
    }

    /** Alerts held back because they were below {@code minSeverity}. */
    public long filteredCount() {
        return filtered.get();
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
