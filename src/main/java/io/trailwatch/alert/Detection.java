package io.trailwatch.alert;

import io.trailwatch.cloudtrail.CloudTrailEvent;
import java.util.List;

/**
 * What a rule emitted into the engine's single {@code Detection} stream, before suppression.
 *
 * @param rule       the emitting rule
 * @param principal  the actor the detection is about
 * @param accountId  the account it happened in
 * @param summary    one line a responder can act on, written by the rule
 * @param severity   the severity of this detection (the rule's default unless the rule raised it)
 * @param evidence   the events that make the detection, in event-time order, without duplicates
 * @param detectedAtMillis event time at which the rule fired
 */
public record Detection(RuleInfo rule, String principal, String accountId, String summary, Severity severity,
                        List<CloudTrailEvent> evidence, long detectedAtMillis) {

    public Detection {
        evidence = List.copyOf(evidence);
    }
}
