package io.trailwatch.engine;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.time.Duration;

/**
 * Sits in front of the engine: drops duplicate deliveries of an {@code eventID}, and reorders events by
 * {@code (eventTimeMillis, eventId)}, holding each until it is older than the watermark
 * {@code max(eventTime seen) − maxLateness}. An event that arrives already older than the watermark is
 * late: it is never dropped, and counted; it is held and released at the next release ({@link #releaseDue},
 * a rise of the watermark, {@link #flush}), sorted among the late events released with it. So a backlog
 * delivered after the clock moved on (a daemon started before its history was synced) still reaches the
 * rules in event-time order within each release, and sequences inside it are found.
 *
 * <p>With {@code maxLateness} null (replay of a finite input) nothing is released until {@link #flush()}.
 * Event ids are remembered until they are older than {@code watermark − dedupWindow}, so memory is bounded
 * by the live state; with unbounded lateness it is bounded by the input. Not thread-safe.
 */
public final class EventTimeline {

    private final Long maxLatenessMillis;
    private final long dedupWindowMillis;
    private final TimelineListener downstream;
    private final PendingEvents pending = new PendingEvents();
    private final EventIdWindow seenIds = new EventIdWindow();
    private long watermark = Long.MIN_VALUE;
    private long duplicates;
    private long late;

    /**
     * @param maxLateness how far behind the newest event time an event may arrive and still be put in order;
     *                    null holds everything until {@link #flush()}
     * @param dedupWindow how long after the watermark passes an event its id is remembered for de-duplication
     * @param downstream  receives the events in order and the passing of time
     */
    public EventTimeline(Duration maxLateness, Duration dedupWindow, TimelineListener downstream) {
        if (maxLateness != null && maxLateness.isNegative()) {
            throw new IllegalArgumentException("max lateness is " + maxLateness + " but must not be negative");
        }
        if (dedupWindow.isNegative()) {
            throw new IllegalArgumentException("dedup window is " + dedupWindow + " but must not be negative");
        }
        this.maxLatenessMillis = maxLateness == null ? null : maxLateness.toMillis();
        this.dedupWindowMillis = dedupWindow.toMillis();
        this.downstream = downstream;
    }

    /** Takes one event: drops it if its id was seen, else holds it until due (a late one until the next release). */
    public void offer(CloudTrailEvent e) {
        if (!seenIds.add(e.getEventId())) {
            duplicates++;
            return;
        }
        long time = e.getEventTimeMillis();
        pending.add(e);
        if (time < watermark) {
            late++;
            return;
        }
        if (maxLatenessMillis != null && time - maxLatenessMillis > watermark) {
            raiseWatermark(time - maxLatenessMillis);
        }
    }

    /**
     * Moves the watermark to {@code millis} when that is later (an idle daemon passes wall clock − lateness),
     * releases the events now due and tells downstream the time.
     */
    public void advanceWatermarkTo(long millis) {
        if (millis > watermark) {
            raiseWatermark(millis);
        }
        downstream.onTime(watermark);
    }

    /** End of input: releases every held event in order. */
    public void flush() {
        while (!pending.isEmpty()) {
            CloudTrailEvent e = pending.poll();
            watermark = Math.max(watermark, e.getEventTimeMillis());
            emit(e);
        }
        forgetExpiredIds();
    }

    /** Deliveries dropped because their eventID was already seen. */
    public long duplicates() {
        return duplicates;
    }

    /** Events that arrived older than the watermark (processed behind the engine's clock). */
    public long late() {
        return late;
    }

    /** Events held, waiting for the watermark. */
    public int buffered() {
        return pending.size();
    }

    /** Releases, in order, every held event older than the watermark: the late ones, between two rises. */
    public void releaseDue() {
        while (!pending.isEmpty() && pending.peekTime() < watermark) {
            emit(pending.poll());
        }
        forgetExpiredIds();
    }

    private void raiseWatermark(long millis) {
        watermark = millis;
        releaseDue();
    }

    private void emit(CloudTrailEvent e) {
        seenIds.released(e.getEventId(), e.getEventTimeMillis());
        downstream.onEvent(e);
    }

    private void forgetExpiredIds() {
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        seenIds.forgetReleasedBefore(watermark - dedupWindowMillis);
    }
}
