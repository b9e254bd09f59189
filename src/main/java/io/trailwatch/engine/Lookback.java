package io.trailwatch.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far back in the input a base module (one that other modules {@code uses}) keeps state the rules using it
 * depend on. It goes on any statement of the module, best the window that keeps its rows longest; the engine
 * auto-imports it, so modules write {@code @Lookback('36 hours')} with no import line.
 *
 * <pre>{@code
 * module trailwatch.origin;
 * @Lookback('36 hours')
 * @public create window IssuedUserKey#time(36 hours) (issuedKey string, origin string, via string);
 * }</pre>
 *
 * <p>A rule's lookback is the longest of its own {@link Rule#window()} and the lookbacks of every module it
 * {@code uses}, directly or through another base module: a restarted daemon re-reads that much input so the
 * base module's state is rebuilt too, not only the rule's own. {@link RulePack#load} requires it on a base module
 * that writes a time span ({@code #time}, {@code timer:within}, ...), at least as long as the longest one, and
 * refuses it on a rule module, whose {@code @Rule} window already says how far back it reaches.
 *
 * <p>It is state only: a replay's end runs the rules' windows past the last event, not the lookbacks, since state
 * that merely expires raises no alert. A rule whose alert waits on a timer of a module it uses counts that wait in
 * its own window.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Lookback {
    /** The span, in the forms of {@link Rule#window()}: {@code '36 hours'}, {@code '1 hour 30 min'}. */
    String value();
}
