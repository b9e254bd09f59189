package io.trailwatch.engine;

import static io.trailwatch.engine.TestEvents.ADMIN;
import static io.trailwatch.engine.TestEvents.OTHER;
import static io.trailwatch.engine.TestEvents.at;
import static io.trailwatch.engine.TestEvents.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailwatch.alert.Detection;
import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkDestructionTest {

    private static final String RULE = "bulk-destruction";
    private static final long T0 = at("2024-03-10T12:00:00Z");
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private final List<Detection> detections = new ArrayList<>();

    private static CloudTrailEvent deleteVolume(String by, long millis) {
        return call("DeleteVolume", by, millis).resourceIds(new String[] {"vol-" + millis}).build();
    }

    /** {@code count} DeleteVolume calls by {@code by}, {@code gap} apart, starting at {@code start}. */
    private static List<CloudTrailEvent> deletions(String by, long start, long gap, int count) {
        List<CloudTrailEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(deleteVolume(by, start + i * gap));
        }
        return out;
    }

    private List<Detection> run(List<CloudTrailEvent> events) throws Exception {
        try (DetectionEngine engine = BundledRules.engine(detections)) {
            events.forEach(engine::send);
            engine.finish();
        }
        return BundledRules.of(detections, RULE);
    }

    @Test
    void tenDeletionsWithinFiveMinutesAlertOnceWhenTheTenthArrives() throws Exception {
        List<CloudTrailEvent> burst = deletions(ADMIN, T0, 20 * SECOND, 10);

        List<Detection> found = run(burst);

        assertEquals(1, found.size());
        Detection d = found.get(0);
        assertEquals(ADMIN, d.principal());
        assertEquals(TestEvents.ACCOUNT, d.accountId());
        assertEquals(burst, d.evidence());
        assertEquals(burst.get(9).getEventTimeMillis(), d.detectedAtMillis());
        assertEquals(ADMIN + " destroyed 10 resources in 10 calls within 5 minutes: DeleteVolume", d.summary());
    }

    @Test
    void nineResourcesInFiveMinutesDoNotAlert() throws Exception {
        assertEquals(List.of(), run(deletions(ADMIN, T0, 30 * SECOND, 9)));
    }

    @Test
    void tenDeletionsSpreadOverMoreThanFiveMinutesDoNotAlert() throws Exception {
        assertEquals(List.of(), run(deletions(ADMIN, T0, 40 * SECOND, 10)));
    }

    @Test
    void oneTerminateInstancesOfTwelveInstancesAlerts() throws Exception {
        String[] instances = new String[12];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = "i-0" + i;
        }
        CloudTrailEvent terminate = call("TerminateInstances", ADMIN, T0).resourceIds(instances).resourceCount(12).build();

        List<Detection> found = run(List.of(terminate));

        assertEquals(1, found.size());
        assertEquals(List.of(terminate), found.get(0).evidence());
    }

    @Test
    void aBurstStraddlingFiveMinuteAndMinuteBoundariesStillAlerts() throws Exception {
        long boundary = at("2024-03-10T12:05:00Z");
        List<CloudTrailEvent> burst = deletions(ADMIN, boundary - 50 * SECOND, 10 * SECOND, 10);

        assertEquals(1, run(burst).size());
    }

    @Test
    void aBurstThatGoesOnAlertsOnceAndAlertsAgainOnlyAfterTheWindowEmptied() throws Exception {
        List<CloudTrailEvent> events = new ArrayList<>(deletions(ADMIN, T0, 20 * SECOND, 30));
        long afterQuiet = events.get(29).getEventTimeMillis() + 5 * MINUTE + SECOND;
        events.addAll(deletions(ADMIN, afterQuiet, SECOND, 10));

        List<Detection> found = run(events);

        assertEquals(2, found.size());
        assertEquals(afterQuiet + 9 * SECOND, found.get(1).detectedAtMillis());
    }

    @Test
    void aSumThatDipsAndClimbsAgainWithoutTheWindowEmptyingDoesNotAlertAgain() throws Exception {
        List<CloudTrailEvent> events = new ArrayList<>(deletions(ADMIN, T0, SECOND, 10));
        // At 5:05 the first six have expired and four remain: the sum dips to 5, then climbs back to 10.
        events.addAll(deletions(ADMIN, T0 + 5 * MINUTE + 5 * SECOND, SECOND, 10));

        assertEquals(1, run(events).size());
    }

    @Test
    void principalsAreCountedSeparately() throws Exception {
        List<CloudTrailEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(deleteVolume(ADMIN, T0 + i * SECOND * 2));
            events.add(deleteVolume(OTHER, T0 + i * SECOND * 2 + SECOND));
        }
        assertEquals(List.of(), run(events));
    }

    @Test
    void failedAndServiceInitiatedDeletionsDoNotCount() throws Exception {
        List<CloudTrailEvent> events = new ArrayList<>(deletions(ADMIN, T0, SECOND, 9));
        events.add(call("DeleteSnapshot", ADMIN, T0 + 20 * SECOND).success(false).errorCode("UnauthorizedOperation").build());
        events.add(call("DeleteSnapshot", ADMIN, T0 + 21 * SECOND).serviceInitiated(true).invokedBy("backup.amazonaws.com").build());
        events.add(call("DescribeVolumes", ADMIN, T0 + 22 * SECOND).build());

        assertEquals(List.of(), run(events));
    }
}
