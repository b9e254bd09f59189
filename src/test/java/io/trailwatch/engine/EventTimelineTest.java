package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimelineTest {

    private static final long MINUTE = 60_000;
    private final List<String> received = new ArrayList<>();
    private final TimelineListener recorder = new TimelineListener() {
        @Override
        public void onEvent(CloudTrailEvent e) {
            received.add(e.getEventId());
        }

        @Override
        public void onTime(long millis) {
            received.add("time " + millis / MINUTE + "m");
        }
    };

    private static CloudTrailEvent event(String id, long minute) {
        return CloudTrailEvent.builder().eventId(id).eventName("GetObject").eventTime(minute + "m")
                .eventTimeMillis(minute * MINUTE).build();
    }

    private EventTimeline timeline(Duration lateness, Duration dedup) {
        return new EventTimeline(lateness, dedup, recorder);
    }

    @Test
    void holdsEventsUntilOlderThanTheWatermarkAndReleasesThemInTimeOrder() {
        EventTimeline timeline = timeline(Duration.ofMinutes(10), Duration.ofHours(1));
        timeline.offer(event("c", 5));
        timeline.offer(event("a", 1));
        timeline.offer(event("b", 3));
        assertEquals(List.of(), received);
        assertEquals(3, timeline.buffered());

        timeline.offer(event("d", 14));

        assertEquals(List.of("a", "b"), received);
        assertEquals(2, timeline.buffered());
        timeline.flush();
        assertEquals(List.of("a", "b", "c", "d"), received);
        assertEquals(0, timeline.buffered());
    }

    @Test
    void eventsAtTheSameTimeAreOrderedByEventId() {
        EventTimeline timeline = timeline(null, Duration.ofHours(1));
        timeline.offer(event("b", 1));
        timeline.offer(event("c", 1));
        timeline.offer(event("a", 1));
        timeline.flush();
        assertEquals(List.of("a", "b", "c"), received);
    }

    @Test
    void duplicateDeliveriesAreDroppedAndCounted() {
        EventTimeline timeline = timeline(Duration.ofMinutes(5), Duration.ofHours(1));
        timeline.offer(event("a", 1));
        timeline.offer(event("a", 1));
        timeline.offer(event("b", 20));
        timeline.offer(event("a", 1));
        timeline.flush();

        assertEquals(List.of("a", "b"), received);
        assertEquals(2, timeline.duplicates());
        assertEquals(0, timeline.late());
    }

    @Test
    void lateEventsAreCountedAndReleasedInOrderAmongThemselves() {
        EventTimeline timeline = timeline(Duration.ofMinutes(1), Duration.ofHours(1));
        timeline.offer(event("a", 10));
        timeline.offer(event("delete", 5));
        timeline.offer(event("create", 3));
        assertEquals(List.of(), received, "late events wait for the next release");

        timeline.releaseDue();

        assertEquals(List.of("create", "delete"), received);
        assertEquals(2, timeline.late());
        assertEquals(1, timeline.buffered());
    }

    @Test
    void unboundedLatenessHoldsEverythingUntilFlush() {
        EventTimeline timeline = timeline(null, Duration.ofMinutes(1));
        timeline.offer(event("late-in-file", 600));
        timeline.offer(event("early", 1));
        assertEquals(List.of(), received);

        timeline.flush();

        assertEquals(List.of("early", "late-in-file"), received);
        assertEquals(0, timeline.late());
    }

    @Test
    void advancingTheWatermarkReleasesDueEventsThenTellsTheTimeAndNeverGoesBack() {
        EventTimeline timeline = timeline(Duration.ofMinutes(15), Duration.ofHours(1));
        timeline.offer(event("a", 1));
        timeline.offer(event("b", 8));

        timeline.advanceWatermarkTo(5 * MINUTE);
        timeline.advanceWatermarkTo(2 * MINUTE);

        assertEquals(List.of("a", "time 5m", "time 5m"), received);
        assertEquals(1, timeline.buffered());
    }

    @Test
    void idsAreForgottenOnceOlderThanTheDedupWindowBehindTheWatermark() {
        EventTimeline timeline = timeline(Duration.ZERO, Duration.ofMinutes(1));
        timeline.offer(event("x", 0));
        timeline.offer(event("y", 1));
        timeline.offer(event("x", 0));
        assertEquals(1, timeline.duplicates());

        timeline.offer(event("z", 10));
        timeline.offer(event("x", 0));
        timeline.releaseDue();

        assertEquals(1, timeline.duplicates());
        assertEquals(1, timeline.late());
        assertEquals(List.of("x", "y", "x"), received);
    }
}
