package io.trailwatch.engine;

import io.trailwatch.cloudtrail.CloudTrailEvent;

/** Receives what an {@link EventTimeline} releases; a {@link DetectionEngine} typically sits behind it. */
public interface TimelineListener {

    /** An event, in (eventTimeMillis, eventId) order, except late events which come at once when they arrive. */
    void onEvent(CloudTrailEvent e);

    /** Event time has reached {@code millis}: no event older than it will follow except late ones. */
    void onTime(long millis);
}
