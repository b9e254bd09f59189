package io.trailwatch.ruletest;

import io.trailwatch.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** Compares what a case raised with what it must raise; the differences are the case's diff. */
final class Expectations {

    private Expectations() {}

    /**
     * Every entry of {@code expected} must match exactly its count of alerts. A positive case must expect
     * an alert of its own rule, and every alert of its rule must match some entry; a negative case must
     * raise no unsuppressed alert of its rule. Alerts of other rules count only where an entry names them.
     */
    static List<String> differences(FixtureCase c, List<ExpectedAlert> expected, List<Alert> alerts) {
        List<String> diff = new ArrayList<>();
        for (ExpectedAlert e : expected) {
            long found = alerts.stream().filter(e::matches).count();
            if (found != e.count()) {
                diff.add("- expected " + e.describe() + ", raised " + found);
            }
        }
        List<Alert> own = alerts.stream().filter(a -> a.ruleId().equals(c.ruleId())).toList();
        if (c.kind() == CaseKind.POSITIVE) {
            if (expected.stream().noneMatch(e -> e.ruleId().equals(c.ruleId()) && e.count() > 0)) {
                diff.add("- " + FixtureCase.EXPECTED + " expects no alert of " + c.ruleId()
                        + ": a positive case must expect at least one (or move it to negative/)");
            }
            for (Alert a : own) {
                if (expected.stream().noneMatch(e -> e.matches(a))) {
                    diff.add("+ unexpected " + ExpectedAlert.describe(a));
                }
            }
        } else {
            for (Alert a : own) {
                if (!a.suppressed()) {
                    diff.add("+ unexpected " + ExpectedAlert.describe(a) + " (a negative case may raise only suppressed alerts)");
                }
            }
        }
        if (!diff.isEmpty()) {
            own.forEach(a -> diff.add("  raised " + ExpectedAlert.describe(a) + " | " + a.summary()));
        }
        return diff;
    }
}
