package io.trailwatch.ruletest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fixture case: a folder {@code <category>/<rule-id>/<kind>/<name>/} holding {@code events.json}, for
 * positives {@code expected.json}, and optionally {@code suppression.yaml}.
 *
 * @param category  the rule's folder under the rules directory ({@code iam}, {@code destruction})
 * @param ruleId    the rule the case is about
 * @param kind      positive or negative
 * @param name      the case folder's name, saying what it shows ({@code offboarding-by-other-principal})
 * @param directory the case folder
 */
public record FixtureCase(String category, String ruleId, CaseKind kind, String name, Path directory) {

    public static final String EVENTS = "events.json";
    public static final String EXPECTED = "expected.json";
    public static final String SUPPRESSION = "suppression.yaml";

    /** {@code category/rule-id/kind/name}: how the case is named in reports and test names. */
    public String label() {
        return category + "/" + ruleId + "/" + kind.folder() + "/" + name;
    }

    public Path events() {
        return directory.resolve(EVENTS);
    }

    /** {@code expected.json}, or null when the case has none. */
    public Path expected() {
        Path file = directory.resolve(EXPECTED);
        return Files.isRegularFile(file) ? file : null;
    }

    /** {@code suppression.yaml}, or null when the case has none. */
    public Path suppression() {
        Path file = directory.resolve(SUPPRESSION);
        return Files.isRegularFile(file) ? file : null;
    }
}
