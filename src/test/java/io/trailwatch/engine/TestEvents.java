package io.trailwatch.engine;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds CloudTrail events for engine tests: successful, human-initiated calls in account 111122223333. */
final class TestEvents {

    static final String ACCOUNT = "111122223333";
    static final String ADMIN = "arn:aws:iam::111122223333:user/admin";
    static final String OTHER = "arn:aws:iam::111122223333:user/other-admin";
    private static final AtomicInteger IDS = new AtomicInteger();

    private TestEvents() {}

    static long at(String isoTime) {
        return Instant.parse(isoTime).toEpochMilli();
    }

    /** A successful call named {@code eventName} by {@code principal} at {@code millis}, with a fresh eventId. */
    static CloudTrailEvent.Builder call(String eventName, String principal, long millis) {
        return CloudTrailEvent.builder()
                .eventId("evt-" + IDS.incrementAndGet())
                .eventName(eventName)
                .eventTime(Instant.ofEpochMilli(millis).toString())
                .eventTimeMillis(millis)
                .principal(principal)
                .principalArn(principal)
                .identityType("IAMUser")
                .accountId(ACCOUNT)
                .region("eu-west-1")
                .success(true)
                .resourceCount(1);
    }
}
