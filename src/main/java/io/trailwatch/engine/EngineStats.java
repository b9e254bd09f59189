package io.trailwatch.engine;

import java.util.Map;

/**
 * A snapshot of a {@link DetectionEngine}'s counters.
 *
 * @param events                events sent in
 * @param lateEvents            events older than the engine's clock when they arrived (processed at the clock's time)
 * @param detectionsByRule      detections emitted per rule id, sorted by id
 * @param patternCapHits        times the pattern sub-expression cap stopped a new match
 * @param matchRecognizeCapHits times the match-recognize state cap stopped a new match
 */
public record EngineStats(long events, long lateEvents, Map<String, Long> detectionsByRule, long patternCapHits,
                          long matchRecognizeCapHits) {

    public EngineStats {
        detectionsByRule = Map.copyOf(detectionsByRule);
    }

    /** All detections over all rules. */
    public long detections() {
        return detectionsByRule.values().stream().mapToLong(Long::longValue).sum();
    }
}
