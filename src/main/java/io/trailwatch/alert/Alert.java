package io.trailwatch.alert;

import java.util.List;

/**
 * An alert as sinks deliver it. {@code alertId} is deterministic: the same rule over the same evidence
 * gives the same id in every run and across restarts, which is what makes delivery exactly-once.
 * Times are ISO-8601 UTC strings of event time; nothing in an alert depends on the wall clock.
 */
public record Alert(String alertId, String ruleId, String title, Severity severity, List<String> techniques,
                    String principal, String accountId, List<String> regions, String firstEventTime,
                    String lastEventTime, int eventCount, List<String> eventIds, String summary,
                    boolean suppressed, String suppressionReason) {

    public Alert {
        techniques = List.copyOf(techniques);
        regions = List.copyOf(regions);
        eventIds = List.copyOf(eventIds);
    }
}
