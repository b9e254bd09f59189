/**
 * The detection engineer's workflow around a rule pack, free of Esper: fixture cases that say what each
 * rule must and must not raise ({@link io.trailwatch.ruletest.FixtureTree}, {@link io.trailwatch.ruletest.FixtureRunner}),
 * the catalog check that every rule has them ({@link io.trailwatch.ruletest.FixtureCatalog}), and the ATT&CK
 * coverage of the pack ({@link io.trailwatch.ruletest.TechniqueCoverage}).
 *
 * <p>Fixture layout, mirroring the rules directory:
 * <pre>
 * testdata/epl/&lt;category&gt;/&lt;rule-id&gt;/positive/&lt;case&gt;/events.json       CloudTrail records, any supported format
 *                                                  /expected.json     alerts the case must raise
 *                                                  /suppression.yaml  optional SuppressionConfig
 * testdata/epl/&lt;category&gt;/&lt;rule-id&gt;/negative/&lt;case&gt;/events.json       must raise no unsuppressed alert of the rule
 * </pre>
 */
package io.trailwatch.ruletest;
