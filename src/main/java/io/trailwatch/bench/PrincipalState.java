package io.trailwatch.bench;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import io.trailwatch.engine.DetectionEngine;
import io.trailwatch.engine.EngineOptions;
import io.trailwatch.engine.RulePack;
import java.time.Instant;

/**
 * Engine state per active principal: live heap after a full collection with {@code k} principals each in
 * the middle of every bundled pattern (an IAM user created and not yet used or deleted, one destructive call
 * in a sliding burst window), minus the heap of the same engine before, holding no one, divided by {@code k}. The events
 * are made on the fly so that only the engine holds them.
 */
final class PrincipalState {

    private static final long START = Instant.parse("2024-08-01T00:00:00Z").toEpochMilli();
    private static final String ACCOUNT = "111122223333";

    private PrincipalState() {}

    /** Bytes of engine state per active principal. */
    static long bytesPerPrincipal(RulePack rules, int k) {
        try (DetectionEngine engine = new DetectionEngine(rules, EngineOptions.defaults(), d -> { })) {
            engine.advanceTo(START);
            long base = HeapWatch.liveBytesAfterFullGc();
            for (int i = 0; i < k; i++) {
                String principal = "arn:aws:iam::" + ACCOUNT + ":user/bench-" + i;
                long t = START + i;
                engine.send(call("CreateUser", principal, t, i).createdUserName("tmp-" + i)
                        .createdUserId("AIDABENCH" + i).targetUserName("tmp-" + i).build());
                engine.send(call("TerminateInstances", principal, t, i).resourceIds(new String[] {"i-" + i})
                        .resourceCount(1).build());
            }
            long loaded = HeapWatch.liveBytesAfterFullGc();
            return Math.max(0, loaded - base) / k;
        }
    }

    private static CloudTrailEvent.Builder call(String eventName, String principal, long millis, int i) {
        return CloudTrailEvent.builder()
                .eventId(eventName + "-" + i)
                .eventName(eventName)
                .eventTime(Instant.ofEpochMilli(millis).toString())
                .eventTimeMillis(millis)
                .principal(principal)
                .principalArn(principal)
                .identityType("IAMUser")
                .accountId(ACCOUNT)
                .region("us-east-1")
                .success(true);
    }
}
