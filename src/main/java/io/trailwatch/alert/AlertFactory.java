package io.trailwatch.alert;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Turns a detection and its suppression verdict into the {@link Alert} that sinks deliver. Stateless. */
public final class AlertFactory {

    private static final int ID_HEX_CHARS = 32;

    /**
     * Builds the alert. {@code alertId} is the first 32 hex characters of SHA-256 over the rule id, principal,
     * account id and the sorted, distinct evidence event ids, so the same evidence gives the same id whatever
     * its order, in every run. Event times, ids, count and regions (sorted, distinct) come from the evidence;
     * title and techniques from the rule; severity from the detection. A detection without evidence is timed
     * at its {@code detectedAtMillis}.
     */
    public Alert create(Detection d, Suppression verdict) {
        Suppression v = verdict == null ? Suppression.none() : verdict;
        List<CloudTrailEvent> evidence = d.evidence();
        List<String> eventIds = evidence.stream().map(CloudTrailEvent::getEventId).toList();
        List<String> regions = evidence.stream().map(CloudTrailEvent::getRegion).filter(Objects::nonNull)
                .distinct().sorted().toList();
        String fallbackTime = Instant.ofEpochMilli(d.detectedAtMillis()).toString();
        String first = evidence.stream().min(Comparator.comparingLong(CloudTrailEvent::getEventTimeMillis))
                .map(CloudTrailEvent::getEventTime).orElse(fallbackTime);
        String last = evidence.stream().max(Comparator.comparingLong(CloudTrailEvent::getEventTimeMillis))
                .map(CloudTrailEvent::getEventTime).orElse(fallbackTime);
        return new Alert(alertId(d.rule().id(), d.principal(), d.accountId(), eventIds), d.rule().id(),
                d.rule().title(), d.severity(), d.rule().techniques(), d.principal(), d.accountId(), regions,
                first, last, evidence.size(), eventIds, d.summary(), v.suppressed(), v.reason());
    }

    static String alertId(String ruleId, String principal, String accountId, List<String> eventIds) {
        MessageDigest sha = sha256();
        update(sha, ruleId);
        update(sha, principal);
        update(sha, accountId);
        eventIds.stream().distinct().sorted().forEach(id -> update(sha, id));
        return HexFormat.of().formatHex(sha.digest()).substring(0, ID_HEX_CHARS);
    }

    private static void update(MessageDigest sha, String value) {
        sha.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
