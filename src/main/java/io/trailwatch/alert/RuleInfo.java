package io.trailwatch.alert;

import java.util.List;

/**
 * A rule's metadata, read from the annotations of its alerting statement.
 *
 * @param id             the rule id ({@code @Name}); equals the module's file name without {@code .epl}
 * @param title          short human title
 * @param description    what the rule detects and why it matters
 * @param severity       default severity of its alerts (a rule may raise it per alert)
 * @param techniques     MITRE ATT&CK technique ids ({@code T1485}, {@code T1578.003}, ...)
 * @param maturity       {@code experimental}, {@code test} or {@code stable}
 * @param falsePositives known benign causes
 * @param references     URLs
 * @param source         the module file the rule came from
 */
public record RuleInfo(String id, String title, String description, Severity severity, List<String> techniques,
                       String maturity, List<String> falsePositives, List<String> references, String source) {

    public RuleInfo {
        techniques = List.copyOf(techniques);
        falsePositives = List.copyOf(falsePositives);
        references = List.copyOf(references);
    }

    /** The same rule, named as coming from {@code otherSource}. */
    public RuleInfo withSource(String otherSource) {
        return new RuleInfo(id, title, description, severity, techniques, maturity, falsePositives, references, otherSource);
    }
}
