package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

    private static CloudTrailEvent event(String id, long millis) {
        return CloudTrailEvent.builder().eventId(id).eventName("GetObject").eventTime(millis + "ms")
                .eventTimeMillis(millis).build();
    }

    @Test
    void releasesInTimeThenEventIdOrderThroughGrowthAndInterleavedPolls() {
        SplittableRandom rng = new SplittableRandom(42);
        PendingEvents pending = new PendingEvents();
        List<CloudTrailEvent> added = new ArrayList<>();
        List<CloudTrailEvent> polled = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // few distinct times, so ties on time are common and must be broken by eventId
            CloudTrailEvent e = event("id-" + rng.nextInt(100_000), rng.nextLong(300));
            pending.add(e);
            added.add(e);
            if (i % 7 == 0) {
                polled.add(pending.poll());
            }
        }
        int polledWhileAdding = polled.size();
        long lastTime = Long.MIN_VALUE;
        while (!pending.isEmpty()) {
            assertTrue(pending.peekTime() >= lastTime, "peekTime never goes back while draining");
            lastTime = pending.peekTime();
            polled.add(pending.poll());
        }
        assertEquals(added.size(), polled.size());
        List<CloudTrailEvent> drained = polled.subList(polledWhileAdding, polled.size());
        List<CloudTrailEvent> sorted = new ArrayList<>(drained);
        sorted.sort(Comparator.comparingLong(CloudTrailEvent::getEventTimeMillis).thenComparing(CloudTrailEvent::getEventId));
        assertEquals(sorted, drained);
        assertTrue(polled.containsAll(added));
    }

    @Test
    void breaksTiesOnTimeLikeStringCompareToForShortAndSharedPrefixIds() {
        List<String> ids = List.of("b", "a", "ab", "abcde", "abcd", "abcdf", "\uffff", "a\u0000", "Z");
        PendingEvents pending = new PendingEvents();
        ids.forEach(id -> pending.add(event(id, 1000)));
        List<String> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            out.add(pending.poll().getEventId());
        }
        assertEquals(ids.stream().sorted().toList(), out);
    }

    @Test
    void emptyAfterPollingTheOnlyEvent() {
        PendingEvents pending = new PendingEvents();
        CloudTrailEvent e = event("a", 5);
        pending.add(e);
        assertEquals(1, pending.size());
        assertEquals(5, pending.peekTime());
        assertEquals(e, pending.poll());
        assertTrue(pending.isEmpty());
    }
}
