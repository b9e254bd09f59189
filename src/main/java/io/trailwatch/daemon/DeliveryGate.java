package io.trailwatch.daemon;

import io.trailwatch.alert.Alert;
import io.trailwatch.daemon.state.DeliveredAlertIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

/**
 * Stands between the engine's alerts and the sinks: counts every alert, drops those whose id was
 * delivered before (re-derived from input re-read after a restart), and remembers whether alerts went out
 * or a sink refused one since the last commit. Used on the feeding thread.
 */
final class DeliveryGate implements Predicate<Alert> {

    private final DeliveredAlertIds delivered;
    private final DaemonMetrics metrics;
    private long admittedSinceCommit;
    private RuntimeException sinkFailure;

    DeliveryGate(DeliveredAlertIds delivered, DaemonMetrics metrics) {
        this.delivered = delivered;
        this.metrics = metrics;
    }

    @Override
    public boolean test(Alert alert) {
        metrics.alerts.labelValues(alert.ruleId(), String.valueOf(alert.suppressed())).inc();
        if (!delivered.firstDelivery(alert.alertId(), eventTimeOf(alert))) {
            metrics.alreadyDelivered.inc();
            return false;
        }
        admittedSinceCommit++;
        return true;
    }

    /** A sink did not take an alert; the first such failure is kept. */
    void sinkFailed(RuntimeException e) {
        if (sinkFailure == null) {
            sinkFailure = e;
        }
    }

    /** The first sink failure, or null. */
    RuntimeException sinkFailure() {
        return sinkFailure;
    }

    /** Whether alerts went to the sinks since the last {@link #committed()}. */
    boolean alertsPending() {
        return admittedSinceCommit > 0;
    }

    /** The sinks were flushed and the ids saved. */
    void committed() {
        admittedSinceCommit = 0;
    }

    /** The alert's last event time; an unparsable one (never expected) counts as now, so the id is still kept. */
    private static long eventTimeOf(Alert alert) {
        try {
            return Instant.parse(alert.lastEventTime()).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return System.currentTimeMillis();
        }
    }
}
