package io.trailwatch.ruletest;

import io.trailwatch.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
                if (found < e.count()) {
                    closest(e, alerts).ifPresent(diff::add);
                }
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
            diff.addAll(raised(c, alerts));
        }
        return diff;
    }

    /** The alerts of the case's own rule, one line each with the summary: what to compare an expectation with. */
    static List<String> raised(FixtureCase c, List<Alert> alerts) {
        return alerts.stream().filter(a -> a.ruleId().equals(c.ruleId()))
                .map(a -> "  raised " + ExpectedAlert.describe(a) + " | " + a.summary()).toList();
    }

    /**
     * For an entry that matched too few alerts: the alert of its rule that differs from it in the fewest key
     * fields, and those fields, so that the diff says what to fix rather than only that nothing matched.
     */
    private static Optional<String> closest(ExpectedAlert e, List<Alert> alerts) {
        return alerts.stream().filter(a -> a.ruleId().equals(e.ruleId()) && !e.matches(a))
                .map(e::mismatches)
                .min(Comparator.comparingInt(List::size))
                .map(fields -> "  the closest alert of " + e.ruleId() + " differs in " + String.join("; ", fields));
    }
}
