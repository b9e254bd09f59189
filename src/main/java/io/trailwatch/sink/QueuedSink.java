package io.trailwatch.sink;

import io.trailwatch.alert.Alert;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a sink on its own thread behind a bounded queue, so one slow sink does not stall the others.
 * {@link #deliver} returns once the alert is queued; when the queue is full it blocks up to
 * {@code offerTimeout} (backpressure on the pipeline) and then throws. {@link #flush} waits until every
 * queued alert has been handed to the delegate and the delegate flushed, and throws if any delivery failed
 * since the last flush, naming the alerts, or if the worker died (an {@link Error} in the delegate) with
 * alerts still queued: a checkpoint is safe only after a flush that did not throw.
 */
public final class QueuedSink implements AlertSink {

    private static final Logger LOG = LogManager.getLogger(QueuedSink.class);

    private final AlertSink delegate;
    private final BlockingQueue<Alert> queue;
    private final int capacity;
    private final Duration offerTimeout;
    private final Thread worker;
    private final Object progress = new Object();
    private final List<String> failedAlertIds = new ArrayList<>();
    private long queued;
    private long handled;
    private volatile boolean closed;

    public QueuedSink(AlertSink delegate, int capacity, Duration offerTimeout) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity " + capacity + " of sink " + delegate.name() + " must be at least 1");
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.offerTimeout = offerTimeout;
        this.worker = new Thread(this::run, "sink-" + delegate.name());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        if (closed) {
            throw new IOException("sink " + name() + " is closed; alert " + alert.alertId() + " was not queued");
        }
        synchronized (progress) {
            queued++;
        }
        try {
            if (!queue.offer(alert, offerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                markHandled();
                throw new IOException("queue of sink " + name() + " stayed full (" + capacity + " alerts) for "
                        + offerTimeout + "; alert " + alert.alertId() + " was not queued (the sink is too slow or down; "
                        + "raise its queue capacity or fix the sink)");
            }
        } catch (InterruptedException e) {
            markHandled();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing alert " + alert.alertId() + " for " + name());
        }
    }

    /** Alerts waiting in the queue. */
    public int queueSize() {
        return queue.size();
    }

    @Override
    public void flush() throws IOException {
        try {
            synchronized (progress) {
                while (handled < queued && worker.isAlive()) {
                    progress.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing sink " + name());
        }
        long lost;
        synchronized (progress) {
            lost = queued - handled;
        }
        if (lost > 0) {
            // Only a worker that died (an Error in the delegate) leaves alerts unhandled: never commit past them.
            throw new IOException("sink " + name() + " stopped working with " + lost + " alert(s) not delivered"
                    + " (see the error logged for this sink)");
        }
        delegate.flush();
        List<String> failed;
        synchronized (progress) {
            failed = List.copyOf(failedAlertIds);
            failedAlertIds.clear();
        }
        if (!failed.isEmpty()) {
            throw new IOException("sink " + name() + " failed to deliver " + failed.size() + " alert(s) since the last flush: "
                    + failed + " (see the errors logged for this sink)");
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            flush();
        } finally {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.close();
        }
    }

    private void run() {
        while (true) {
            Alert alert;
            try {
                alert = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                delegate.deliver(alert);
            } catch (IOException | RuntimeException e) {
                LOG.error("sink {} failed to deliver alert {}: {}", name(), alert.alertId(), e.toString());
                synchronized (progress) {
                    failedAlertIds.add(alert.alertId());
                }
            } catch (Error e) {
                // the worker ends here; flush() reports the alerts left behind, so nothing is committed past them
                LOG.error("sink {} stopped: {} while delivering alert {}", name(), e.toString(), alert.alertId());
                return;
            }
            markHandled();
        }
    }

    private void markHandled() {
        synchronized (progress) {
            handled++;
            progress.notifyAll();
        }
    }
}
