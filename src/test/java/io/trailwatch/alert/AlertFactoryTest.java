package io.trailwatch.alert;

import static io.trailwatch.alert.TestData.ALICE;
import static io.trailwatch.alert.TestData.detection;
import static io.trailwatch.alert.TestData.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFactoryTest {

    private final AlertFactory factory = new AlertFactory();
    private final CloudTrailEvent a = event("id-a", "2024-01-02T03:04:05Z", "us-west-2");
    private final CloudTrailEvent b = event("id-b", "2024-01-02T03:05:00Z", "eu-west-1");
    private final CloudTrailEvent c = event("id-c", "2024-01-02T03:06:00Z", "us-west-2");

    @Test
    void sameEvidenceInAnyOrderGivesTheSameId() {
        Alert first = factory.create(detection("r1", ALICE, a, b, c), Suppression.none());
        Alert second = factory.create(detection("r1", ALICE, c, a, b), Suppression.none());

        assertEquals(first.alertId(), second.alertId());
        assertEquals(32, first.alertId().length());
        assertEquals(first.alertId(), factory.create(detection("r1", ALICE, a, b, c), Suppression.none()).alertId());
    }

    @Test
    void differentEvidenceRuleOrPrincipalGivesADifferentId() {
        String base = factory.create(detection("r1", ALICE, a, b), Suppression.none()).alertId();

        assertNotEquals(base, factory.create(detection("r1", ALICE, a, c), Suppression.none()).alertId());
        assertNotEquals(base, factory.create(detection("r2", ALICE, a, b), Suppression.none()).alertId());
        assertNotEquals(base, factory.create(detection("r1", "arn:aws:iam::1:user/bob", a, b), Suppression.none()).alertId());
    }

    @Test
    void fieldsComeFromEvidenceRuleAndDetection() {
        Alert alert = factory.create(detection("r1", ALICE, b, c, a), null);

        assertEquals("2024-01-02T03:04:05Z", alert.firstEventTime());
        assertEquals("2024-01-02T03:06:00Z", alert.lastEventTime());
        assertEquals(3, alert.eventCount());
        assertEquals(List.of("id-b", "id-c", "id-a"), alert.eventIds());
        assertEquals(List.of("eu-west-1", "us-west-2"), alert.regions());
        assertEquals("Title of r1", alert.title());
        assertEquals(List.of("T1136.003", "T1098"), alert.techniques());
        assertEquals(Severity.HIGH, alert.severity());
        assertFalse(alert.suppressed());
        assertNull(alert.suppressionReason());
    }

    @Test
    void detectionWithoutEvidenceIsTimedAtDetection() {
        Detection d = new Detection(TestData.rule("absence"), ALICE, TestData.ACCOUNT, "no logs for 1h",
                Severity.MEDIUM, List.of(), 1_704_164_645_000L);

        Alert alert = factory.create(d, Suppression.none());

        assertEquals("2024-01-02T03:04:05Z", alert.firstEventTime());
        assertEquals(alert.firstEventTime(), alert.lastEventTime());
        assertEquals(0, alert.eventCount());
        assertEquals(Severity.MEDIUM, alert.severity());
    }
}
