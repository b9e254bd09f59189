package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMapperTest {

    @Test
    void evidenceIsFlattenedDeduplicatedByEventIdAndSortedByTimeThenId() {
        CloudTrailEvent early = call("A", ADMIN, 1_000).eventId("id-2").build();
        CloudTrailEvent sameTime = call("B", ADMIN, 1_000).eventId("id-1").build();
        CloudTrailEvent late = call("C", ADMIN, 5_000).eventId("id-0").build();

        Object column = new Object[] {late, null, new CloudTrailEvent[] {early, late}, List.of(sameTime), new Object[] {new Object[] {early}}};

        assertEquals(List.of(sameTime, early, late), DetectionMapper.evidence(column, "test-rule"));
    }
}
