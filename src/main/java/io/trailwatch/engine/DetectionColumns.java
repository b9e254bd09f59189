package io.trailwatch.engine;

/**
 * Columns of the {@code Detection} stream that alerting statements insert into.
 * {@code severity} is optional (null keeps the rule's default); {@code evidence} holds events or arrays of
 * events, in any order and with repeats: the engine flattens, de-duplicates and sorts them.
 */
final class DetectionColumns {
    static final String RULE_ID = "ruleId";
    static final String PRINCIPAL = "principal";
    static final String ACCOUNT_ID = "accountId";
    static final String SUMMARY = "summary";
    static final String SEVERITY = "severity";
    static final String EVIDENCE = "evidence";

    private DetectionColumns() {}
}
