package io.trailwatch.alert;

import io.trailwatch.config.ConfigValueException;
import java.time.Instant;
import java.util.List;

/**
 * A planned change during which a principal's detections are expected and suppressed. A detection falls in
 * the window when every evidence event's time is in {@code [start, end)}: event time, never the wall clock.
 *
 * @param account   the account id it applies to; null, blank or {@code *} for every account (a glob is accepted)
 * @param principal the principal ARN, or a glob such as {@code arn:aws:iam::*:role/terraform-*}; required
 * @param start     first instant of the window, inclusive; required
 * @param end       end of the window, exclusive; required and after {@code start}
 * @param ticket    the change ticket, quoted in the suppression reason
 * @param rules     rule ids the window is restricted to; empty for every rule
 */
public record MaintenanceWindow(String account, String principal, Instant start, Instant end, String ticket,
                                List<String> rules) {

    public MaintenanceWindow {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("missing key 'principal' (an ARN or a glob such as arn:aws:iam::*:role/deploy-*)");
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("missing key '" + (start == null ? "start" : "end")
                    + "' (an ISO-8601 time such as 2024-01-02T03:04:05Z)");
        }
        if (!end.isAfter(start)) {
            throw new ConfigValueException("end", end + " is not after start " + start + " (swap them or fix the date)");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
