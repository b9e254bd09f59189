package io.trailwatch.alert;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.time.Instant;
import java.util.List;

/** Small builders for detections and alerts shared by the alert and sink tests. */
public final class TestData {

    public static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    public static final String ACCOUNT = "111122223333";

    private TestData() {}

    public static RuleInfo rule(String id) {
        return new RuleInfo(id, "Title of " + id, "desc", Severity.HIGH, List.of("T1136.003", "T1098"),
                "test", List.of(), List.of(), id + ".epl");
    }

    public static CloudTrailEvent event(String id, String time, String region) {
        return event(id, time, region, "aws-cli/2.0");
    }

    public static CloudTrailEvent event(String id, String time, String region, String userAgent) {
        return CloudTrailEvent.builder().eventId(id).eventName("CreateUser").eventTime(time)
                .eventTimeMillis(Instant.parse(time).toEpochMilli()).region(region).accountId(ACCOUNT)
                .principal(ALICE).userAgent(userAgent).success(true).build();
    }

    public static Detection detection(String ruleId, String principal, CloudTrailEvent... evidence) {
        return new Detection(rule(ruleId), principal, ACCOUNT, "alice created and deleted user bob",
                Severity.HIGH, List.of(evidence), evidence[evidence.length - 1].getEventTimeMillis());
    }

    /** A distinct alert per {@code n}, as the pipeline would produce it. */
    public static Alert alert(int n) {
        return new AlertFactory().create(detection("rule-" + n, ALICE,
                event("ev-" + n, "2024-01-02T03:04:0" + (n % 10) + "Z", "us-east-1")), Suppression.none());
    }
}
