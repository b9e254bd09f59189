package io.trailwatch.engine;

import java.time.Duration;

/**
 * How far a rule reaches in event time.
 *
 * @param window         its {@code @Rule} window: the longest span it waits, so a replay runs this far past its
 *                       last event
 * @param lookback       how much input rebuilds its state after a restart: its window, or longer when a module it
 *                       {@code uses} keeps state longer ({@link Lookback})
 * @param lookbackModule the used module whose {@code @Lookback} sets {@code lookback}; null when the window does
 */
public record RuleWindows(Duration window, Duration lookback, String lookbackModule) {

    /**
     * For people: {@code window 24 hours}, or with a longer lookback
     * {@code window 5 minutes, lookback 36 hours (trailwatch.origin)}.
     */
    public String describe() {
        String text = "window " + WindowText.format(window);
        return lookbackModule == null ? text
                : text + ", lookback " + WindowText.format(lookback) + " (" + lookbackModule + ")";
    }

    /** A rule that uses no module keeping state longer than its window. */
    static RuleWindows of(Duration window) {
        return new RuleWindows(window, window, null);
    }

    /** These windows, with the lookback raised to {@code reach} of {@code module} when that is longer. */
    RuleWindows reaching(Duration reach, String module) {
        return reach.compareTo(lookback) > 0 ? new RuleWindows(window, reach, module) : this;
    }
}
