package io.trailwatch.engine;

/**
 * Runtime limits of a {@link DetectionEngine}. When a limit is hit Esper stops starting new partial
 * matches; the engine logs and counts every such hit ({@link EngineStats}).
 *
 * @param maxPatternSubexpressions most pattern sub-expressions alive at once, over all rules
 * @param maxMatchRecognizeStates  most match-recognize states alive at once, over all rules
 */
public record EngineOptions(long maxPatternSubexpressions, long maxMatchRecognizeStates) {

    public EngineOptions {
        requirePositive("maxPatternSubexpressions", maxPatternSubexpressions);
        requirePositive("maxMatchRecognizeStates", maxMatchRecognizeStates);
    }

    /** One million of each: far above a healthy pack's live state, low enough to stop a runaway rule. */
    public static EngineOptions defaults() {
        return new EngineOptions(1_000_000, 1_000_000);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " is " + value + " but must be at least 1");
        }
    }
}
