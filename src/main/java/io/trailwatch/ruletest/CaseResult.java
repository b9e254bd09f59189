package io.trailwatch.ruletest;

import io.trailwatch.alert.Alert;
import java.util.List;

/**
 * The outcome of one fixture case.
 *
 * @param fixtureCase the case
 * @param failures    what did not hold, one line each (the diff); empty when the case passed
 * @param alerts      every alert the case raised, of any rule, suppressed ones included
 */
public record CaseResult(FixtureCase fixtureCase, List<String> failures, List<Alert> alerts) {

    public CaseResult {
        failures = List.copyOf(failures);
        alerts = List.copyOf(alerts);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
