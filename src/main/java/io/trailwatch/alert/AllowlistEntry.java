package io.trailwatch.alert;

import java.util.List;

/**
 * An automation principal whose detections are expected (a deployment pipeline, a backup job). Matching is
 * on the detection's principal, which Trailwatch derives from the signed identity, never on the user agent.
 *
 * @param principal the principal ARN or a glob such as {@code arn:aws:iam::*:role/ci-*}; required
 * @param account   the account id it applies to; null, blank or {@code *} for every account
 * @param rules     rule ids it is restricted to; empty for every rule
 * @param reason    why it is allowed, quoted in the suppression reason; required
 */
public record AllowlistEntry(String principal, String account, List<String> rules, String reason) {

    public AllowlistEntry {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("missing key 'principal' (an ARN or a glob such as arn:aws:iam::*:role/ci-*)");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("missing key 'reason' (say why " + principal + " is allowed, for the audit trail)");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
