package io.trailwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the alerting statement of a rule module and carries its metadata. The engine auto-imports it,
 * so rule modules write {@code @Rule(...)} with no import line. The rule id is the statement's built-in
 * {@code @Name} and its description the built-in {@code @Description}.
 *
 * <pre>{@code
 * @Name('bulk-destruction')
 * @Description('One principal destroys many resources within minutes.')
 * @Rule(title='Bulk resource destruction', severity='high', techniques={'T1485'}, window='5 minutes')
 * insert into Detection select current_evaluation_context().statementName as ruleId, ...
 * }</pre>
 *
 * <p>The Esper compiler checks attribute names and types; {@link RulePack#load} checks the values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
    /** Short human title of the alert. */
    String title();

    /** Default severity: {@code info}, {@code low}, {@code medium}, {@code high} or {@code critical}. */
    String severity();

    /** MITRE ATT&CK ids: techniques {@code T1485}, sub-techniques {@code T1578.003}, analytics {@code T1485.A002}, {@code AN0414}. */
    String[] techniques();

    /**
     * The longest time span the rule correlates over, such as {@code '24 hours'} or {@code '5 minutes'}.
     * The engine advances this far past the last event at the end of a replay, and the daemon re-reads
     * this much input after a restart.
     */
    String window();

    /** {@code experimental}, {@code test} or {@code stable}. */
    String maturity() default "experimental";

    /** Known benign causes of this alert. */
    String[] falsePositives() default {};

    /** URLs explaining the attack or the rule. */
    String[] references() default {};
}
