package io.trailwatch.ruletest;

import io.trailwatch.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a case's {@code expected.json} (a JSON array of these): exactly {@code count} alerts of
 * {@code ruleId} match the key fields given. A key field left out (null) matches anything.
 *
 * <pre>{@code
 * [ { "ruleId": "bulk-destruction", "count": 1, "severity": "critical",
 *     "principal": "arn:aws:iam::123456789012:root", "suppressed": false } ]
 * }</pre>
 *
 * @param ruleId     the rule; required
 * @param count      how many matching alerts; required, 0 or more
 * @param principal  the alert's principal
 * @param accountId  the alert's account
 * @param severity   the alert's severity label ({@code info} .. {@code critical})
 * @param suppressed whether the alert is suppressed
 * @param eventIds   the alert's evidence eventIDs, in the alert's order (time, then id)
 * @param summaryContains text the alert's one-line summary must contain (what an analyst reads first)
 */
public record ExpectedAlert(String ruleId, Integer count, String principal, String accountId, String severity,
                            Boolean suppressed, List<String> eventIds, String summaryContains) {

    public ExpectedAlert {
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("missing key 'ruleId' (the id of the rule whose alerts this entry counts)");
        }
        if (count == null || count < 0) {
            throw new IllegalArgumentException("key 'count' is " + count + " for rule " + ruleId
                    + " (give the number of matching alerts, 0 or more)");
        }
        eventIds = eventIds == null ? null : List.copyOf(eventIds);
    }

    /** Whether {@code alert} is of this entry's rule and has every key field given. */
    public boolean matches(Alert alert) {
        return ruleId.equals(alert.ruleId()) && mismatches(alert).isEmpty();
    }

    /**
     * The key fields in which {@code alert} differs from this entry, each as {@code field: expected X, raised Y};
     * empty when it matches.
     */
    List<String> mismatches(Alert alert) {
        List<String> fields = new ArrayList<>();
        if (principal != null && !principal.equals(alert.principal())) {
            fields.add("principal: expected " + principal + ", raised " + alert.principal());
        }
        if (accountId != null && !accountId.equals(alert.accountId())) {
            fields.add("accountId: expected " + accountId + ", raised " + alert.accountId());
        }
        if (severity != null && !severity.equalsIgnoreCase(alert.severity().label())) {
            fields.add("severity: expected " + severity + ", raised " + alert.severity().label());
        }
        if (suppressed != null && suppressed != alert.suppressed()) {
            fields.add("suppressed: expected " + suppressed + ", raised " + alert.suppressed());
        }
        if (eventIds != null && !eventIds.equals(alert.eventIds())) {
            fields.add("eventIds: expected " + eventIds + ", raised " + alert.eventIds());
        }
        if (summaryContains != null && !alert.summary().contains(summaryContains)) {
            fields.add("summary: does not contain '" + summaryContains + "'");
        }
        return fields;
    }

    /** The entry as one line: {@code 1 x bulk-destruction severity=critical suppressed=false}. */
    public String describe() {
        List<String> parts = new ArrayList<>(List.of(count + " x " + ruleId));
        if (principal != null) {
            parts.add("principal=" + principal);
        }
        if (accountId != null) {
            parts.add("accountId=" + accountId);
        }
        if (severity != null) {
            parts.add("severity=" + severity);
        }
        if (suppressed != null) {
            parts.add("suppressed=" + suppressed);
        }
        if (eventIds != null) {
            parts.add("eventIds=" + eventIds);
        }
        if (summaryContains != null) {
            parts.add("summaryContains='" + summaryContains + "'");
        }
        return String.join(" ", parts);
    }

    /** An alert in the same terms, for diffs. */
    static String describe(Alert alert) {
        return alert.ruleId() + " principal=" + alert.principal() + " accountId=" + alert.accountId()
                + " severity=" + alert.severity().label() + " suppressed=" + alert.suppressed()
                + " eventIds=" + alert.eventIds();
    }
}
